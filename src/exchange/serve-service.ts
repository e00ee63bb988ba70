import type { IncomingMessage, ServerResponse } from 'node:http';
import { CangError } from '../core/index.js';
import type { ActiveConfig, ActiveService } from './active-config.js';
import { authoriseCall } from './authorise-call.js';
import type { ExchangeContext } from './exchange-context.js';
import { forwardCall } from './forward-call.js';
import { normaliseRestPath } from './normalise-rest-path.js';
import { refuseCall } from './refuse-call.js';
import { resolveService } from './resolve-service.js';
import type { TraceContext } from './traceparent.js';
import type { TransactionState } from './transaction-state.js';

/**
 * A call to one of this instance's services, once its client is known (`tx.clientId`), whether a local
 * system or a partner's: service → path → authorise → size → forward. Every refusal is logged.
 */
export function serveService(
  ctx: ExchangeContext,
  config: ActiveConfig,
  tx: TransactionState,
  trace: TraceContext,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  let service: ActiveService;
  try {
    service = resolveService(config, tx.serviceId);
    tx.serviceLabel = tx.serviceId;
    const segments = normaliseRestPath(tx.path);
    authoriseCall(
      config,
      { client: tx.clientId!, serviceId: tx.serviceId, method: tx.method, segments },
      ctx.quotas,
      tx.startedAt,
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
