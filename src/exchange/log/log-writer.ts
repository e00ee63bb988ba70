import type { Kysely } from 'kysely';
import type { Database, LogBodyTable, Store } from '../../store/index.js';
import { entryToRow } from './entry-encoding.js';
import type { ChainedEntry } from './log-entry.js';
import { createLogPartitionsFor, forgetLogPartitions, isMissingPartition } from './log-partitions.js';
import type { LogSeal } from './log-seal.js';
import { type MinuteDelta, upsertMinutes } from './traffic-stats.js';

/** What one group commit writes, in one transaction. */
export interface CommitBatch {
  /** The node whose log commits: its entries, and the per-minute rows it alone writes. */
  readonly nodeId: string;
  readonly entries: readonly ChainedEntry[];
  readonly bodies: readonly LogBodyTable[];
  readonly minutes: ReadonlyMap<string, MinuteDelta>;
  readonly seal: LogSeal | undefined;
}

/**
 * Writes one group commit in one transaction: entries, bodies, the per-minute statistics and the seal.
 * The same code runs on the main thread (PostgreSQL, in-memory SQLite) and in the SQLite commit worker,
 * which passes its own `insert` of the entries.
 */
export async function writeBatch(
  store: Pick<Store, 'db' | 'dialect'>,
  batch: CommitBatch,
  insert: typeof insertEntries = insertEntries,
): Promise<void> {
  if (store.dialect !== 'postgres') return writeTransaction(store, batch, insert);
  // PostgreSQL: every entry's month partition must exist. Created outside the batch's transaction, so
  // that the DDL's lock on log_entries is not held across the commit; a partition dropped by another
  // process meanwhile makes the insert fail before anything is written, and it is made again once.
  await createLogPartitionsFor(store.db, startTimes(batch.entries));
  try {
    await writeTransaction(store, batch, insert);
  } catch (error) {
    if (!isMissingPartition(error)) throw error;
    forgetLogPartitions(store.db);
    await createLogPartitionsFor(store.db, startTimes(batch.entries));
    await writeTransaction(store, batch, insert);
  }
}

function* startTimes(entries: readonly ChainedEntry[]): Iterable<number> {
  for (const entry of entries) yield entry.startedAt;
}

async function writeTransaction(
  store: Pick<Store, 'db' | 'dialect'>,
  batch: CommitBatch,
  insert: typeof insertEntries,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await insert(trx, batch.entries);
    await insertBodies(trx, batch.bodies);
    await upsertMinutes(trx, store.dialect, batch.nodeId, batch.minutes);
    if (batch.seal) await insertSeal(trx, batch.seal);
  });
}

// log_entries has 23 columns: 1400 rows = 32200 parameters, under SQLite's 32766 (and PostgreSQL's 65535).
const ENTRY_ROWS_PER_INSERT = 1400;
const BODY_ROWS_PER_INSERT = 5000;

/** Inserts chained entries with multi-row INSERTs, inside the caller's transaction. */
export async function insertEntries(trx: Kysely<Database>, entries: readonly ChainedEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ENTRY_ROWS_PER_INSERT) {
    const rows = entries.slice(i, i + ENTRY_ROWS_PER_INSERT).map(entryToRow);
    await trx.insertInto('log_entries').values(rows).execute();
  }
}

/** Inserts logged bodies (base64) with multi-row INSERTs, inside the caller's transaction. */
export async function insertBodies(trx: Kysely<Database>, bodies: readonly LogBodyTable[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += BODY_ROWS_PER_INSERT) {
    await trx
      .insertInto('log_bodies')
      .values(bodies.slice(i, i + BODY_ROWS_PER_INSERT))
      .execute();
  }
}

/** Inserts a seal, inside the caller's transaction. */
export async function insertSeal(trx: Kysely<Database>, seal: LogSeal): Promise<void> {
  await trx
    .insertInto('log_seals')
    .values({
      node_id: seal.nodeId,
      seq: seal.seq,
      head_hash: seal.headHash,
      sealed_at: seal.sealedAt,
      key_id: seal.keyId,
      signature: seal.signature,
    })
    .execute();
}
