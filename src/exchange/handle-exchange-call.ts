import type { IncomingMessage, ServerResponse } from 'node:http';
import { CangError, uuidV7 } from '../core/index.js';
import type { ActiveService } from './active-config.js';
import { answerMetaservice } from './answer-metaservice.js';
import { type PresentedCredentials, authenticateClient } from './authenticate-client.js';
import { authoriseCall } from './authorise-call.js';
import type { ExchangeContext } from './exchange-context.js';
import { forwardCall } from './forward-call.js';
import { normaliseRestPath } from './normalise-rest-path.js';
import { parseExchangeUrl } from './parse-exchange-url.js';
import { refuseCall } from './refuse-call.js';
import { resolveService } from './resolve-service.js';
import { traceContext } from './traceparent.js';
import { TransactionState } from './transaction-state.js';

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

function presented(ctx: ExchangeContext, req: IncomingMessage): PresentedCredentials {
  return {
    client: one(req.headers['x-cang-client']),
    authorization: req.headers.authorization,
    certificateFingerprint: () => ctx.certificateFingerprint(req),
  };
}

/**
 * One call on the exchange port: parse → (metaservice) → authenticate → service → path → authorise →
 * size → forward. Refusals before authentication's outcome is known (malformed URL, no valid
 * configuration) are answered without a log record; from authentication on, every call is logged.
 */
export function handleExchangeCall(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse): void {
  const startedAt = ctx.now();
  const transactionId = uuidV7(startedAt);
  let target: ReturnType<typeof parseExchangeUrl>;
  try {
    target = parseExchangeUrl(req.url ?? '/');
  } catch (error) {
    refuseCall(ctx, null, res, error, transactionId);
    return;
  }
  // Past its expiry, the snapshot is no configuration at all: the node answers 503 not-ready (as its
  // readiness probe does) rather than service-disabled, since no service is known to be disabled.
  const config = ctx.snapshots.current();
  if (config === undefined) {
    refuseCall(
      ctx,
      null,
      res,
      new CangError('not-ready', 'The node holds no valid configuration'),
      transactionId,
    );
    return;
  }
  if (target.kind === 'meta') {
    try {
      const client = authenticateClient(config, presented(ctx, req), startedAt);
      answerMetaservice(config, target, client, req.method ?? 'GET', startedAt, transactionId, res);
      ctx.metrics.observe(`meta:${target.name}`, 200, null, (ctx.now() - startedAt) / 1000);
    } catch (error) {
      refuseCall(ctx, null, res, error, transactionId);
    }
    return;
  }
  const tx = new TransactionState(
    req,
    transactionId,
    startedAt,
    target.serviceId,
    target.rest,
    target.query,
    ctx.subjectHashKey,
  );
  const trace = traceContext(one(req.headers.traceparent), one(req.headers.tracestate));
  tx.traceId = trace.traceId;
  let service: ActiveService;
  try {
    tx.clientId = authenticateClient(config, presented(ctx, req), startedAt);
    service = resolveService(config, target.serviceId);
    const segments = normaliseRestPath(target.rest);
    authoriseCall(
      config,
      { client: tx.clientId, serviceId: target.serviceId, method: tx.method, segments },
      ctx.quotas,
      startedAt,
    );
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > service.service.maxBodyBytes) {
      throw new CangError('payload-too-large');
    }
  } catch (error) {
    refuseCall(ctx, tx, res, error);
    return;
  }
  forwardCall(ctx, tx, service, trace, req, res);
}
