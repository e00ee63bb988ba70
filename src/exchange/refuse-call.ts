import type { ServerResponse } from 'node:http';
import { CangError } from '../core/index.js';
import { answerAfterCommit, type HeldAnswer } from './answer-after-commit.js';
import type { ExchangeContext } from './exchange-context.js';
import { writeProblem } from './problem-response.js';
import { type TransactionState, UNKNOWN_SERVICE_LABEL } from './transaction-state.js';

/** The status and code Cảng answers an error with; anything unknown is a plain 500 `internal`. */
export function refusalOf(error: unknown): { status: number; code: string } {
  return error instanceof CangError
    ? { status: error.status, code: error.code }
    : { status: 500, code: 'internal' };
}

/** A problem document waiting to be written, counted in the metrics once written or abandoned. */
class Refusal implements HeldAnswer {
  constructor(
    private readonly ctx: ExchangeContext,
    private readonly error: unknown,
    private readonly transactionId: string | null,
    private readonly service: string,
    private readonly startedAt: number,
    private readonly status: number,
    private readonly code: string,
  ) {}

  release(res: ServerResponse): void {
    writeProblem(res, this.error, this.transactionId);
    this.observe(this.status, this.code);
  }

  abandoned(): void {
    this.observe(500, 'internal');
  }

  private observe(status: number, code: string): void {
    this.ctx.metrics.observe(this.service, status, code, (this.ctx.now() - this.startedAt) / 1000);
  }
}

/**
 * Refuses a call with a problem document. A call that reached authorisation (`tx` given) is logged first
 * and answered only once its record is committed (`answerAfterCommit`), unless the caller's address has
 * used up its allowance of refusals (`RefusalLimiter`): the refusals a caller causes itself (4xx) then
 * become 429 too-many-refusals, answered at once and counted, but not logged. Unknown errors are logged
 * with their cause, never shown.
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
  if (tx !== null && status < 500) {
    const retryAfter = ctx.refusals.take(res.req.socket.remoteAddress ?? '', ctx.now());
    if (retryAfter > 0) {
      const limited = new CangError('too-many-refusals', undefined, {
        headers: { 'retry-after': String(retryAfter) },
      });
      new Refusal(
        ctx,
        limited,
        null,
        UNKNOWN_SERVICE_LABEL,
        tx.startedAt,
        limited.status,
        limited.code,
      ).release(res);
      return;
    }
  }
  const refusal = new Refusal(
    ctx,
    error,
    transactionId,
    tx?.serviceLabel ?? UNKNOWN_SERVICE_LABEL,
    tx?.startedAt ?? ctx.now(),
    status,
    code,
  );
  if (tx === null) refusal.release(res);
  else answerAfterCommit(ctx, tx, res, status, code, refusal);
}
