import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { CangError, safeEqual, sha256Hex } from '../core/index.js';
import type { ExchangeLogger } from './exchange-context.js';
import { writeProblem } from './problem-response.js';

/**
 * Answers a Prometheus scrape with the registry's text. It sits outside client authentication; with a
 * scrape token configured, the scraper must present it as `Authorization: Bearer {token}` (401
 * scrape-token-invalid otherwise). The digests are compared, in constant time.
 */
export function createMetricsEndpoint(
  registry: Registry,
  token: string | undefined,
  logger: ExchangeLogger,
): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = token === undefined ? undefined : sha256Hex(`Bearer ${token}`);
  return (req, res) => {
    if (expected !== undefined && !safeEqual(sha256Hex(req.headers.authorization ?? ''), expected)) {
      writeProblem(res, new CangError('scrape-token-invalid'), null);
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'metrics failed');
        writeProblem(res, error, null);
      },
    );
  };
}
