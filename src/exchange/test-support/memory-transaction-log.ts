import type { TransactionLog, TransactionRecord } from '../log/log-entry.js';

/** An in-memory TransactionLog for tests; appends can be held back or made to fail. */
export interface MemoryTransactionLog extends TransactionLog {
  /** The committed records. */
  readonly records: TransactionRecord[];
  /** Every record offered to `append`, committed, held or failed. */
  readonly offered: readonly TransactionRecord[];
  /** Holds every later append until the returned function is called. */
  hold(): () => void;
  /** Makes the next append reject. */
  failNext(): void;
  /** Resolves once `count` records were offered (committed, held or failed). */
  waitFor(count: number): Promise<void>;
}

/** Creates the in-memory log. */
export function createMemoryTransactionLog(): MemoryTransactionLog {
  const records: TransactionRecord[] = [];
  const offered: TransactionRecord[] = [];
  let gate: Promise<void> | null = null;
  let fail = false;
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    records,
    offered,
    async append(record) {
      offered.push(record);
      for (const waiter of waiters.filter((w) => offered.length >= w.count)) waiter.resolve();
      if (fail) {
        fail = false;
        throw new Error('disk full (test)');
      }
      if (gate !== null) await gate;
      records.push(record);
    },
    queueDepth: () => offered.length - records.length,
    // One commit per record, instantly.
    commitTotals: () => ({ commits: records.length, entries: records.length, seconds: 0 }),
    async close() {},
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
    failNext() {
      fail = true;
    },
    waitFor(count) {
      if (offered.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
