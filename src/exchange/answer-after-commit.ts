import type { ServerResponse } from 'node:http';
import type { ExchangeContext } from './exchange-context.js';
import type { TransactionState } from './transaction-state.js';

/** The answer a logged call holds back until its record is committed. */
export interface HeldAnswer {
  /** The record is committed: give the answer (or end the connection). */
  release(res: ServerResponse): void;
  /** The record could not be committed; the failure is logged and the connection destroyed already. */
  abandoned(): void;
}

/** For a call whose consumer has gone: the record is still written, nothing is answered. */
export const NOTHING_TO_ANSWER: HeldAnswer = { release() {}, abandoned() {} };

/** For an answer whose head is out and that cannot be completed: the connection ends after the commit. */
export const CUT_OFF_ANSWER: HeldAnswer = { release: (res) => res.destroy(), abandoned() {} };

/**
 * Durable before answer (ARCHITECTURE.md, "Transaction log"): appends the call's record and releases the
 * held answer only once the append resolved, that is once the entry is committed. A failed append is
 * never answered: the connection is destroyed, so the consumer cannot take an unlogged answer for a
 * good one. Every logged path of the exchange answers through here.
 */
export function answerAfterCommit(
  ctx: Pick<ExchangeContext, 'log' | 'logger' | 'now'>,
  tx: TransactionState,
  res: ServerResponse,
  status: number,
  errorCode: string | null,
  answer: HeldAnswer,
): void {
  ctx.log.append(tx.record(status, errorCode, ctx.now())).then(
    () => answer.release(res),
    (error: unknown) => {
      ctx.logger.error({ err: error, transactionId: tx.id }, 'transaction log append failed');
      res.destroy();
      answer.abandoned();
    },
  );
}
