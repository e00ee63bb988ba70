import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { answerAfterCommit, type HeldAnswer } from './answer-after-commit.js';
import { SERVICE } from './test-support/snapshot-factory.js';
import { createMemoryTransactionLog } from './test-support/memory-transaction-log.js';
import { TransactionState } from './transaction-state.js';

function setUp() {
  const log = createMemoryTransactionLog();
  const errors: string[] = [];
  const ctx = {
    log,
    now: Date.now,
    logger: {
      info() {},
      warn() {},
      error: (_object: object, message?: string) => errors.push(message ?? ''),
    },
  };
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  const res = new ServerResponse(req);
  const tx = new TransactionState(req, 'tx-1', Date.now(), SERVICE, '/x', null, 'key');
  const seen: string[] = [];
  // Settled when the answer is released or abandoned: the test waits for that outcome, not for time.
  let settle!: () => void;
  const answered = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const answer: HeldAnswer = {
    release: () => {
      seen.push(`released with ${log.records.length} committed`);
      settle();
    },
    abandoned: () => {
      seen.push('abandoned');
      settle();
    },
  };
  return { ctx, log, res, tx, answer, answered, seen, errors };
}

describe('answerAfterCommit', () => {
  it('releases the answer only once the record is committed', async () => {
    const { ctx, log, res, tx, answer, answered, seen } = setUp();
    const commit = log.hold();
    answerAfterCommit(ctx, tx, res, 200, null, answer);
    // The record was offered and is held: nothing may be answered before it is committed.
    await log.waitFor(1);
    expect(seen).toEqual([]);
    commit();
    await answered;
    expect(seen).toEqual(['released with 1 committed']);
    expect(log.records[0]).toMatchObject({ id: 'tx-1', status: 200, errorCode: null });
  });

  it('never answers when the append fails: logs it, destroys the connection, reports it abandoned', async () => {
    const { ctx, log, res, tx, answer, answered, seen, errors } = setUp();
    log.failNext();
    answerAfterCommit(ctx, tx, res, 403, 'access-denied', answer);
    await answered;
    expect(seen).toEqual(['abandoned']);
    expect(errors).toEqual(['transaction log append failed']);
    expect(res.destroyed).toBe(true);
  });
});
