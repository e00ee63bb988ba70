import type { ServerResponse } from 'node:http';
import { CangError } from '../core/index.js';
import { answerAfterCommit, type HeldAnswer } from './answer-after-commit.js';
import type { ExchangeContext } from './exchange-context.js';
import { writeProblem } from './problem-response.js';
import type { TransactionState } from './transaction-state.js';

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
 * and answered only once its record is committed (`answerAfterCommit`). Unknown errors are logged with
 * their cause, never shown.
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
  const refusal = new Refusal(
    ctx,
    error,
    transactionId,
    tx?.serviceId ?? '',
    tx?.startedAt ?? ctx.now(),
    status,
    code,
  );
  if (tx === null) refusal.release(res);
  else answerAfterCommit(ctx, tx, res, status, code, refusal);
}
