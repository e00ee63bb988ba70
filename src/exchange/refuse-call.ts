import type { ServerResponse } from 'node:http';
import { CangError } from '../core/index.js';
import type { ExchangeContext } from './exchange-context.js';
import { writeProblem } from './problem-response.js';
import type { TransactionState } from './transaction-state.js';

/** The status and code Cảng answers an error with; anything unknown is a plain 500 `internal`. */
export function refusalOf(error: unknown): { status: number; code: string } {
  return error instanceof CangError
    ? { status: error.status, code: error.code }
    : { status: 500, code: 'internal' };
}

/**
 * Refuses a call with a problem document. A call that reached authorisation (`tx` given) is logged first
 * and answered only once the log append resolved (durable before answer); if the append fails the
 * connection is destroyed rather than answered. Unknown errors are logged with their cause, never shown.
 */
export function refuseCall(
  ctx: ExchangeContext,
  tx: TransactionState | null,
  res: ServerResponse,
  error: unknown,
  transactionId: string | null = tx?.id ?? null,
): void {
  if (!(error instanceof CangError)) {
    ctx.logger.error({ err: error, transactionId }, 'exchange call failed');
  }
  const { status, code } = refusalOf(error);
  const service = tx?.serviceId ?? '';
  const startedAt = tx?.startedAt ?? ctx.now();
  const answer = () => {
    writeProblem(res, error, transactionId);
    ctx.metrics.observe(service, status, code, (ctx.now() - startedAt) / 1000);
  };
  if (tx === null) {
    answer();
    return;
  }
  ctx.log.append(tx.record(status, code, ctx.now())).then(answer, (appendError: unknown) => {
    ctx.logger.error({ err: appendError, transactionId: tx.id }, 'transaction log append failed');
    res.destroy();
    ctx.metrics.observe(service, 500, 'internal', (ctx.now() - startedAt) / 1000);
  });
}
