import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { LogBodyTable, LogEntryTable, Store } from '../../store/index.js';
import type { ChainedEntry } from './log-entry.js';
import type { LogSeal } from './log-seal.js';
import type { MinuteDelta } from './traffic-stats.js';

/** What one group commit writes, in one transaction. */
export interface CommitBatch {
  readonly entries: readonly ChainedEntry[];
  readonly bodies: readonly LogBodyTable[];
  readonly minutes: ReadonlyMap<string, MinuteDelta>;
  readonly seal: LogSeal | undefined;
}

/** Commits batches on a SQLite file from a worker thread. */
export interface SqliteCommitWorker {
  /** Resolves once the batch is committed (fsynced); rejects, with nothing written, when it failed. */
  commit(batch: CommitBatch): Promise<void>;
  close(): Promise<void>;
}

/** The SQLite file behind a store, or null for PostgreSQL and in-memory SQLite (no second connection possible). */
export async function sqliteFileOf(store: Store): Promise<string | null> {
  if (store.dialect !== 'sqlite') return null;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(store.db);
  const file = rows.find((row) => row.name === 'main')?.file;
  return file ? file : null;
}

// The columns of log_entries, in the order of entryValues below; each entry travels as an array of
// values (cheaper to build and to clone than entryToRow's object). The worker tests verify the chain
// read back through the store, so a column mix-up here fails them.
const ENTRY_COLUMNS: readonly (keyof LogEntryTable)[] = [
  'node_id',
  'seq',
  'id',
  'started_at',
  'duration_ms',
  'client_id',
  'service_id',
  'method',
  'path',
  'query',
  'status',
  'error_code',
  'request_bytes',
  'response_bytes',
  'request_body_hash',
  'response_body_hash',
  'request_hash',
  'user_id',
  'subject_hash',
  'purpose',
  'trace_id',
  'prev_hash',
  'hash',
];

function entryValues(e: ChainedEntry): unknown[] {
  return [
    e.nodeId,
    e.seq,
    e.id,
    e.startedAt,
    e.durationMs,
    e.clientId,
    e.serviceId,
    e.method,
    e.path,
    e.query,
    e.status,
    e.errorCode,
    e.requestBytes,
    e.responseBytes,
    e.requestBodyHash,
    e.responseBodyHash,
    e.requestHash,
    e.userId,
    e.subjectHash,
    e.purpose,
    e.traceId,
    e.prevHash,
    e.hash,
  ];
}

/*
 * The worker's code, plain JavaScript run with `eval`: a worker cannot load a .ts file through tsx on
 * Node 20 (bin/cang.js, vitest), and an eval'd script loads the same way under tsx, vitest and a build.
 * It holds its own better-sqlite3 connection with the store's pragmas (synchronous=FULL: the commit is
 * durable when it answers), statements prepared once, and writes each batch in one BEGIN IMMEDIATE
 * transaction: entries, bodies, the per-minute statistics (read-modify-write, as upsertMinutes does on
 * SQLite) and the seal. A failed batch rolls back whole and is answered with its error.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const columns = workerData.entryColumns;
const insertEntry = db.prepare('insert into log_entries (' + columns.join(', ') + ') values (' + columns.map(() => '?').join(', ') + ')');
const insertBody = db.prepare('insert into log_bodies (id, request_body, response_body) values (?, ?, ?)');
const selectMinute = db.prepare('select count, total_ms, latency_buckets from traffic_minutes where minute = ? and status = ? and client_id = ? and service_id = ?');
const upsertMinute = db.prepare('insert into traffic_minutes (minute, client_id, service_id, status, count, total_ms, latency_buckets) values (?, ?, ?, ?, ?, ?, ?) on conflict (minute, client_id, service_id, status) do update set count = excluded.count, total_ms = excluded.total_ms, latency_buckets = excluded.latency_buckets');
const insertSeal = db.prepare('insert into log_seals (node_id, seq, head_hash, sealed_at, key_id, signature) values (?, ?, ?, ?, ?, ?)');
const write = db.transaction((batch) => {
  for (const row of batch.entries) insertEntry.run(row);
  for (const body of batch.bodies) insertBody.run(body.id, body.request_body, body.response_body);
  for (const d of batch.minutes) {
    const old = selectMinute.get(d.minute, d.status, d.clientId, d.serviceId);
    let count = d.count, totalMs = d.totalMs, buckets = d.buckets;
    if (old) {
      const parsed = JSON.parse(old.latency_buckets);
      const before = Array.isArray(parsed) ? parsed : [];
      count += Number(old.count);
      totalMs += Number(old.total_ms);
      buckets = buckets.map((n, i) => n + (Number(before[i]) || 0));
    }
    upsertMinute.run(d.minute, d.clientId, d.serviceId, d.status, count, totalMs, JSON.stringify(buckets));
  }
  const s = batch.seal;
  if (s) insertSeal.run(s.nodeId, s.seq, s.headHash, s.sealedAt, s.keyId, s.signature);
});
parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    write.immediate(message.batch);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message || error) });
  }
});
`;

interface Waiting {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Starts the commit worker for a SQLite file. Committing from a worker keeps the fsync of each group
 * (synchronous=FULL) and the statement work off the event loop, which meanwhile keeps serving calls:
 * on the main thread every commit stalled every connection for the length of an fsync.
 */
export function createSqliteCommitWorker(file: string): SqliteCommitWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: unknown): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  // Started on first use and again after a crash; referenced only while a commit is in flight.
  const ensure = (): Worker => {
    if (worker !== null) return worker;
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'),
        entryColumns: ENTRY_COLUMNS,
      },
    });
    started.unref();
    started.on('message', (reply: { id: number; error?: string }) => {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if (reply.error === undefined) w?.resolve();
      else w?.reject(new Error(reply.error));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new Error('The log commit worker stopped'));
    });
    worker = started;
    return started;
  };

  return {
    commit(batch) {
      const target = ensure();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.ref();
        target.postMessage({
          id,
          batch: {
            entries: batch.entries.map(entryValues),
            bodies: batch.bodies,
            minutes: [...batch.minutes.values()],
            seal: batch.seal,
          },
        });
      });
    },
    async close() {
      const target = worker;
      if (target === null) return;
      worker = null;
      await new Promise<void>((resolve) => {
        target.once('exit', () => resolve());
        target.ref();
        target.postMessage({ close: true });
      });
    },
  };
}
