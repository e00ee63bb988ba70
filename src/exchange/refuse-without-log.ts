import type { ServerResponse } from 'node:http';
import { CangError } from '../core/index.js';
import type { ExchangeContext } from './exchange-context.js';
import { refuseCall } from './refuse-call.js';

/**
 * Refuses a call with 503 `log-store-unavailable` while the node cannot write its transaction log, and
 * says whether it did. It runs before authentication and authorisation: a call that cannot be logged is
 * never forwarded, and since no record can be written, it is only counted in the metrics.
 */
export function refusedWithoutLog(
  ctx: ExchangeContext,
  res: ServerResponse,
  transactionId: string | null,
): boolean {
  if (ctx.logStore.available()) return false;
  refuseCall(
    ctx,
    null,
    res,
    new CangError('log-store-unavailable', 'The transaction log cannot be written; try another node'),
    transactionId,
  );
  return true;
}
