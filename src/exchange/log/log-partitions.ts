import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.js';

/**
 * On PostgreSQL `log_entries` is partitioned by UTC month on `started_at` (migration
 * 2026-12-04-5-log-partitions): one partition per month, named `log_entries_yYYYYmMM`. SQLite has none.
 */
export interface LogPartition {
  readonly name: string;
  /** Unix ms of the month's first instant. */
  readonly from: number;
  /** Unix ms of the next month's first instant (exclusive). */
  readonly to: number;
}

const NAME = /^log_entries_y(\d{4})m(\d{2})$/;

/** The month partition that holds an entry started at `ms`. */
export function logPartitionOf(ms: number): LogPartition {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return {
    name: `log_entries_y${String(year).padStart(4, '0')}m${String(month + 1).padStart(2, '0')}`,
    from: Date.UTC(year, month, 1),
    to: Date.UTC(year, month + 1, 1),
  };
}

/** The month partitions that exist, oldest first. */
export async function listLogPartitions(db: Kysely<Database>): Promise<LogPartition[]> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'log_entries' AND p.relnamespace = current_schema()::regnamespace`.execute(db);
  const partitions: LogPartition[] = [];
  for (const { name } of rows) {
    const m = NAME.exec(name);
    if (m) partitions.push(logPartitionOf(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  }
  return partitions.sort((a, b) => a.from - b.from);
}

// Partitions known to exist, per database handle: the writer checks a batch against these in memory and
// only asks PostgreSQL when an entry falls into a month not seen yet.
const known = new WeakMap<object, Set<string>>();

function knownOf(db: Kysely<Database>): Set<string> {
  let set = known.get(db);
  if (set === undefined) {
    set = new Set();
    known.set(db, set);
  }
  return set;
}

/** Creates the partitions of the given months that do not exist yet (PostgreSQL only). */
export async function createLogPartitions(
  db: Kysely<Database>,
  months: Iterable<LogPartition>,
): Promise<void> {
  const seen = knownOf(db);
  for (const p of months) {
    if (seen.has(p.name)) continue;
    try {
      await sql`CREATE TABLE IF NOT EXISTS ${sql.id(p.name)} PARTITION OF log_entries
        FOR VALUES FROM (${sql.lit(p.from)}) TO (${sql.lit(p.to)})`.execute(db);
    } catch (error) {
      // Another node created it at the same instant: IF NOT EXISTS does not cover that race.
      const code = (error as { code?: string }).code;
      if (code !== '42P07' && code !== '23505') throw error;
    }
    seen.add(p.name);
  }
}

/** Creates this month's partition and the next `ahead` months' (PostgreSQL only). */
export async function createLogPartitionsAhead(db: Kysely<Database>, now: number, ahead = 2): Promise<void> {
  const months: LogPartition[] = [];
  let at = now;
  for (let i = 0; i <= ahead; i++) {
    const p = logPartitionOf(at);
    months.push(p);
    at = p.to;
  }
  await createLogPartitions(db, months);
}

/**
 * Makes sure every entry of a batch has its month's partition, before the batch is inserted. Normally the
 * months exist already (created ahead, see scheduleLogPartitions); this covers a clock that jumped, an
 * entry dated in a month never seen, or a node that started before the schedule ran.
 */
export async function createLogPartitionsFor(
  db: Kysely<Database>,
  startedAts: Iterable<number>,
): Promise<void> {
  const seen = knownOf(db);
  const missing = new Map<string, LogPartition>();
  let from = 0;
  let to = 0;
  for (const at of startedAts) {
    if (at >= from && at < to) continue;
    const p = logPartitionOf(at);
    ({ from, to } = p);
    if (!seen.has(p.name)) missing.set(p.name, p);
  }
  if (missing.size > 0) await createLogPartitions(db, missing.values());
}

/** Drops one month partition, inside the caller's transaction. */
export async function dropLogPartition(trx: Kysely<Database>, partition: LogPartition): Promise<void> {
  await sql`DROP TABLE ${sql.id(partition.name)}`.execute(trx);
}

/** Forgets which partitions exist (after a drop, or when an insert found a month missing). */
export function forgetLogPartitions(db: Kysely<Database>): void {
  known.delete(db);
}

/** Whether an error is PostgreSQL's "no partition of relation found for row". */
export function isMissingPartition(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23514' && /no partition/.test(String(error));
}
