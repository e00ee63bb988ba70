import type { IncomingMessage, ServerResponse } from 'node:http';
import { CangError, uuidV7 } from '../core/index.js';
import { answerMetaservice } from './answer-metaservice.js';
import { type PresentedCredentials, authenticateClient } from './authenticate-client.js';
import type { ExchangeContext } from './exchange-context.js';
import { answerPartnerMetaservice } from './federation/answer-partner-metaservice.js';
import { callPartner } from './federation/call-partner.js';
import { parseExchangeUrl } from './parse-exchange-url.js';
import { refuseCall } from './refuse-call.js';
import { refusedWithoutLog } from './refuse-without-log.js';
import { serveService } from './serve-service.js';
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
 * One call on the exchange port: parse → (metaservice) → log store there → authenticate → service → path → authorise →
 * size → forward (`serveService`), or, for a service of a partner instance, → outbound policy → the
 * partner's node (`callPartner`). Refusals before authentication's outcome is known (malformed URL, no valid
 * configuration, no log store) are answered without a log record; from authentication on, every call is logged.
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
    const meta = target;
    const answered = async () => {
      const client = authenticateClient(config, presented(ctx, req), startedAt);
      const method = req.method ?? 'GET';
      if (meta.instance === null || meta.instance === ctx.instance) {
        await answerMetaservice(ctx.openApi, config, meta, client, method, startedAt, transactionId, res);
      } else {
        answerPartnerMetaservice(ctx, config, meta, client, method, startedAt, transactionId, res);
      }
      ctx.metrics.observe(`meta:${meta.name}`, 200, null, (ctx.now() - startedAt) / 1000);
    };
    answered().catch((error: unknown) => refuseCall(ctx, null, res, error, transactionId));
    return;
  }
  if (refusedWithoutLog(ctx, res, transactionId)) return;
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
  try {
    tx.clientId = authenticateClient(config, presented(ctx, req), startedAt);
    tx.refuseMalformedHeaders();
  } catch (error) {
    refuseCall(ctx, tx, res, error);
    return;
  }
  // The one test a local call pays for federation.
  if (target.serviceId.startsWith(ctx.instancePrefix)) serveService(ctx, config, tx, trace, req, res);
  else callPartner(ctx, config, tx, trace, req, res);
}
