import type { KeyObject } from 'node:crypto';
import { CangError } from '../../core/index.js';
import type { LogBodyTable, Store } from '../../store/index.js';
import { chainRecord, genesisHash } from './entry-encoding.js';
import { readAnchor } from './log-anchor.js';
import type { ChainedEntry, TransactionLog, TransactionRecord } from './log-entry.js';
import { type LogSeal, makeSeal } from './log-seal.js';
import { writeBatch } from './log-writer.js';
import { createSqliteCommitWorker, type SqliteCommitWorker } from './sqlite-commit-worker.js';
import { aggregateMinutes } from './traffic-minute-deltas.js';

/** What a node's transaction log needs. */
export interface TransactionLogOptions {
  readonly store: Store;
  readonly nodeId: string;
  readonly signingKey: KeyObject;
  readonly keyId: string;
  /** Seal the chain head once this many entries are unsealed. */
  readonly sealEveryEntries: number;
  /** Seal the chain head when it has been unsealed this long. */
  readonly sealEverySeconds: number;
  /** Most entries committed in one transaction. */
  readonly groupCommitMaxEntries: number;
  /**
   * On a SQLite file, commit from a worker thread (default true), so the event loop never waits on a
   * commit's fsync; PostgreSQL and in-memory SQLite always commit through the store.
   */
  readonly commitInWorker?: boolean;
  readonly now?: () => number;
  /** Told about every failed commit or seal (the appends of a failed group also reject). */
  readonly onError?: (error: unknown) => void;
}

/** The log plus what operators and tests need beyond the data plane's contract. */
export interface NodeTransactionLog extends TransactionLog {
  /** Resolves once everything appended so far is committed (or has failed). */
  flush(): Promise<void>;
  /** Transactions committed so far (groups and time-based seals). */
  commits(): number;
  /** The committed chain head. */
  head(): { readonly seq: number; readonly hash: string };
}

/** The chain head and the last seal as stored. */
interface StoredHead {
  readonly seq: number;
  readonly hash: string;
  readonly sealedSeq: number;
  /** Undefined while the chain has no seal. */
  readonly sealedAt: number | undefined;
}

interface Pending {
  readonly record: TransactionRecord;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Opens a node's transaction log, resuming its chain from the last stored entry (or the prune anchor).
 * `append` resolves only once the entry is committed; appends that arrive while a commit is in flight
 * are committed together in the next transaction (group commit).
 *
 * @example const log = await createTransactionLog({ store, nodeId, signingKey, keyId, sealEveryEntries: 1000, sealEverySeconds: 60, groupCommitMaxEntries: 1000 });
 */
export async function createTransactionLog(options: TransactionLogOptions): Promise<NodeTransactionLog> {
  const { store, nodeId, signingKey, keyId } = options;
  const now = options.now ?? Date.now;
  const maxGroup = Math.max(1, Math.floor(options.groupCommitMaxEntries));
  const sealEveryEntries = Math.max(1, Math.floor(options.sealEveryEntries));
  const sealEveryMs = Math.max(1, options.sealEverySeconds * 1000);

  // 1. Resume: the committed head is the last stored entry, else the prune anchor, else genesis.
  const readStoredHead = async (): Promise<StoredHead> => {
    const last = await store.db
      .selectFrom('log_entries')
      .select(['seq', 'hash'])
      .where('node_id', '=', nodeId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    // On PostgreSQL a dropped month can leave behind entries below the anchor (a call that started in the
    // next month and finished before one that started earlier), so the anchor wins when it is ahead.
    const anchor = await readAnchor(store.db, nodeId);
    const fromAnchor = anchor !== undefined && (!last || anchor.seq > Number(last.seq));
    const lastSeal = await store.db
      .selectFrom('log_seals')
      .select(['seq', 'sealed_at'])
      .where('node_id', '=', nodeId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      seq: fromAnchor ? anchor.seq : last ? Number(last.seq) : 0,
      hash: fromAnchor ? anchor.hash : last ? last.hash : genesisHash(nodeId),
      sealedSeq: lastSeal ? Number(lastSeal.seq) : 0,
      sealedAt: lastSeal ? Number(lastSeal.sealed_at) : undefined,
    };
  };
  const resumed = await readStoredHead();
  let headSeq = resumed.seq;
  let headHash = resumed.hash;
  let sealedSeq = resumed.sealedSeq;
  let lastSealAt = resumed.sealedAt ?? now();
  // Set by a failed commit: the database may have committed it and lost only the acknowledgement.
  let headInDoubt = false;
  const sqliteFile = options.commitInWorker === false ? null : store.sqliteFile;
  const worker: SqliteCommitWorker | null = sqliteFile === null ? null : createSqliteCommitWorker(sqliteFile);

  const queue: Pending[] = [];
  let inFlight = 0;
  let commits = 0;
  let committedEntries = 0;
  let commitSeconds = 0;
  let closed = false;
  let sealWanted = false;
  let draining: Promise<void> | null = null;

  // 2. One drain loop commits groups (and seal-only transactions) strictly one after another.
  const schedule = (): void => {
    if (draining) return;
    // setImmediate lets every append issued in this turn of the event loop join the first group.
    draining = new Promise<void>((resolve) => setImmediate(resolve)).then(drain).finally(() => {
      draining = null;
      if (queue.length > 0 || sealWanted) schedule();
    });
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0 || sealWanted) {
      const group = queue.splice(0, maxGroup);
      inFlight = group.length;
      try {
        await commitGroup(group);
      } catch (cause) {
        // Only a fault before the transaction lands here (the head is untouched): fail the group, keep
        // draining. A wanted seal is not retried in a loop: the timer or the next group asks again.
        sealWanted = false;
        const error = new CangError('internal', 'The transaction log could not commit', { cause });
        options.onError?.(error);
        for (const p of group) p.reject(error);
      } finally {
        inFlight = 0;
      }
    }
  };

  const commitGroup = async (group: Pending[]): Promise<void> => {
    // 3. Number and chain from the committed head; nothing changes it until the commit succeeds. After a
    // failed commit the stored head is read again first: a commit whose acknowledgement was lost (the
    // database went away after COMMIT) stored its entries, and numbering from the old head would collide
    // with them on every later commit.
    if (headInDoubt) {
      const stored = await readStoredHead();
      headSeq = stored.seq;
      headHash = stored.hash;
      if (stored.sealedSeq > sealedSeq && stored.sealedAt !== undefined) {
        sealedSeq = stored.sealedSeq;
        lastSealAt = stored.sealedAt;
      }
      headInDoubt = false;
    }
    let seq = headSeq;
    let prev = headHash;
    const entries: ChainedEntry[] = new Array(group.length);
    const bodies: LogBodyTable[] = [];
    for (let i = 0; i < group.length; i++) {
      const record = group[i]!.record;
      const entry = chainRecord(record, nodeId, ++seq, prev);
      entries[i] = entry;
      prev = entry.hash;
      if (record.bodies && (record.bodies.request || record.bodies.response)) {
        bodies.push({
          id: record.id,
          request_body: record.bodies.request?.toString('base64') ?? null,
          response_body: record.bodies.response?.toString('base64') ?? null,
          request_truncated: record.bodies.requestTruncated ? 1 : 0,
          response_truncated: record.bodies.responseTruncated ? 1 : 0,
        });
      }
    }
    const at = now();
    const sealDue =
      seq > sealedSeq &&
      (sealWanted || seq - sealedSeq >= sealEveryEntries || at - lastSealAt >= sealEveryMs);
    sealWanted = false;
    const seal: LogSeal | undefined = sealDue
      ? makeSeal({ nodeId, seq, headHash: prev, sealedAt: at }, signingKey, keyId)
      : undefined;
    if (entries.length === 0 && !seal) return;
    const minutes = aggregateMinutes(group.map((p) => p.record));
    try {
      const batch = { nodeId, entries, bodies, minutes, seal };
      const startedAt = performance.now();
      await (worker !== null ? worker.commit(batch) : writeBatch(store, batch));
      commitSeconds += (performance.now() - startedAt) / 1000;
    } catch (cause) {
      // 4. A failed commit leaves the head where it was and in doubt: the next group numbers from the stored
      // head, which is this one if nothing was written and these entries' last if only the answer was lost.
      headInDoubt = true;
      const error = new CangError('internal', 'The transaction log could not commit', { cause });
      options.onError?.(error);
      for (const p of group) p.reject(error);
      return;
    }
    commits++;
    committedEntries += entries.length;
    headSeq = seq;
    headHash = prev;
    if (seal) {
      sealedSeq = seal.seq;
      lastSealAt = seal.sealedAt;
    }
    for (const p of group) p.resolve();
  };

  // 5. Time-based seal: when the head has been unsealed for sealEverySeconds.
  const timer = setInterval(
    () => {
      if (headSeq > sealedSeq && now() - lastSealAt >= sealEveryMs) {
        sealWanted = true;
        schedule();
      }
    },
    Math.min(sealEveryMs, 1000),
  );
  timer.unref();

  const flush = async (): Promise<void> => {
    while (draining) await draining;
  };

  return {
    append(record) {
      if (closed) return Promise.reject(new CangError('not-ready', 'The transaction log is closed'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ record, resolve, reject });
        schedule();
      });
    },
    queueDepth: () => queue.length + inFlight,
    commitTotals: () => ({ commits, entries: committedEntries, seconds: commitSeconds }),
    flush,
    commits: () => commits,
    head: () => ({ seq: headSeq, hash: headHash }),
    async close() {
      if (closed) return flush();
      closed = true;
      clearInterval(timer);
      await flush();
      if (headSeq > sealedSeq) {
        sealWanted = true;
        schedule();
        await flush();
      }
      await worker?.close();
    },
  };
}
