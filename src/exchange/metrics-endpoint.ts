import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { CangError, safeEqual, sha256Hex } from '../core/index.js';
import type { ExchangeLogger } from './exchange-context.js';
import { writeProblem } from './problem-response.js';

/** What `/metrics` answers from: a prom-client registry, or the aggregate of a node's exchange workers. */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

/**
 * Answers a Prometheus scrape with the registry's text. It sits outside client authentication; with a
 * scrape token configured, the scraper must present it as `Authorization: Bearer {token}` (401
 * scrape-token-invalid otherwise). The digests are compared, in constant time.
 */
export function createMetricsEndpoint(
  registry: MetricsSource,
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

/**
 * A metrics registry of its own (never prom-client's global one) holding the process and runtime metrics:
 * CPU, memory, event-loop lag, GC. Three of prom-client's gauges are named like counters, which
 * `promtool check metrics` rightly refuses; the same figures remain by type (`nodejs_active_handles{type}`, …).
 */
export function createProcessMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ]) {
    registry.removeSingleMetric(name);
  }
  return registry;
}

/** A listener (not yet listening) that serves only `/metrics` (`createMetricsEndpoint`). */
export function createMetricsServer(
  registry: MetricsSource,
  token: string | undefined,
  logger: ExchangeLogger,
): Server {
  const answer = createMetricsEndpoint(registry, token, logger);
  return createServer((req, res) => {
    if (req.url === '/metrics') answer(req, res);
    else writeProblem(res, new CangError('not-found'), null);
  });
}
