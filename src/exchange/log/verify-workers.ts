import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Store } from '../../store/index.js';

/** The SQLite file behind a store, or null for PostgreSQL and in-memory SQLite (no second connection possible). */
export async function verifiableSqliteFile(store: Store): Promise<string | null> {
  if (store.dialect !== 'sqlite') return null;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(store.db);
  const file = rows.find((row) => row.name === 'main')?.file;
  return file ? file : null;
}

/** Worker threads to use by default: one per core, at most four. */
export function defaultVerifyWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** One range of a node's chain to check: the entries with `after < seq <= last`. */
export interface RangeRequest {
  readonly nodeId: string;
  readonly after: number;
  readonly last: number;
  /** Seqs in the range that carry a seal, ascending: the worker reports the entry hash at each. */
  readonly sealSeqs: readonly number[];
}

/**
 * What a worker found in a range. `clean` means: exactly the entries after+1 … last are there, in
 * order, each one's stored hash is the hash of its stored prev hash and its canonical entry, and each
 * one's prev hash is the previous entry's hash. Anything else (including an error) is `clean: false`,
 * and the caller re-walks the range entry by entry to find and name the problem.
 */
export type RangeResult =
  | {
      readonly clean: true;
      readonly firstPrev: string;
      readonly lastHash: string;
      /** Entry hash by seal seq. */
      readonly sealHeads: ReadonlyMap<number, string>;
    }
  | { readonly clean: false };

/*
 * The worker's code, plain JavaScript run with `eval` (as in sqlite-commit-worker.ts: a worker cannot
 * load a .ts file through tsx on Node 20). It opens its own read-only connection to the file and checks
 * ranges, the way readFastPage in verify-log.ts does: SQLite builds the canonical array of the first 20
 * values (json_array; integer columns outside the integer storage class become null, so they can never
 * match) behind the prev hash, in one string, and JS appends durationMs. A row whose SQL form does not match is re-judged with the definition
 * of the canonical entry, canonicalEntry(rowToEntry(row)), which on SQLite is JSON.stringify of the
 * row's 21 values as better-sqlite3 returns them, in the canonical order (see entry-encoding.ts): the
 * second statement selects exactly that raw row. Any error (e.g. a BLOB, which json_array refuses)
 * answers the range as not clean, and the main thread walks it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.sqliteModule);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// Pages straight from the OS page cache instead of a read() each into SQLite's cache: about a third
// faster on a sequential walk. Read-only, so nothing is ever written through the map.
db.pragma('mmap_size = 4294967296');
const int = (c) => "iif(typeof(" + c + ") = 'integer', " + c + ", null)";
const json =
  'json_array(node_id, ' + int('seq') + ', id, ' + int('started_at') +
  ', client_id, service_id, method, path, query, ' + int('status') + ', error_code, ' +
  int('request_bytes') + ', ' + int('response_bytes') +
  ', request_body_hash, response_body_hash, request_hash, user_id, subject_hash, purpose, trace_id)';
// One string per entry: prev_hash followed by the canonical array without its closing bracket (the
// last value before it is a quoted string, null or a number, so rtrim removes exactly that bracket).
const select = db
  .prepare(
    "select seq, hash, duration_ms, prev_hash || rtrim(" + json + ", ']'), " +
      "iif(typeof(prev_hash) = 'text', length(prev_hash), -1) " +
      'from log_entries where node_id = ? and seq > ? and seq <= ? order by seq',
  )
  .raw(true);
const selectRow = db
  .prepare(
    'select node_id, seq, id, started_at, client_id, service_id, method, path, query, status, error_code, ' +
      'request_bytes, response_bytes, request_body_hash, response_body_hash, request_hash, user_id, ' +
      'subject_hash, purpose, trace_id, duration_ms, prev_hash from log_entries where node_id = ? and seq = ?',
  )
  .raw(true);
function check(m) {
  const sealSeqs = m.sealSeqs;
  const sealHeads = [];
  let s = 0;
  let expected = m.after + 1;
  let firstPrev = null;
  let prev = null;
  for (const r of select.all(m.nodeId, m.after, m.last)) {
    const seq = r[0];
    const h = r[1];
    const c = r[3];
    // The prev hash is text of 43 characters, the previous entry's hash (an ASCII string) for all but
    // the first entry, whose prev hash the main thread compares with the chain so far.
    if (seq !== expected || typeof h !== 'string' || typeof c !== 'string' || r[4] !== 43) return null;
    if (prev === null) firstPrev = c.slice(0, 43);
    else if (!c.startsWith(prev)) return null;
    if (hash('sha256', c + ',' + JSON.stringify(r[2]) + ']', 'base64url') !== h) {
      const row = selectRow.get(m.nodeId, seq);
      if (row === undefined) return null;
      const p = row.pop();
      if (p !== (prev === null ? firstPrev : prev)) return null;
      if (hash('sha256', p + JSON.stringify(row), 'base64url') !== h) return null;
    }
    if (s < sealSeqs.length && sealSeqs[s] === seq) {
      sealHeads.push(h);
      s++;
    }
    prev = h;
    expected = seq + 1;
  }
  if (expected !== m.last + 1 || s !== sealSeqs.length) return null;
  return { firstPrev, lastHash: prev, sealHeads };
}
parentPort.on('message', (m) => {
  let result = null;
  try {
    result = check(m);
  } catch {
    result = null;
  }
  parentPort.postMessage({ id: m.id, result });
});
`;

interface WorkerReply {
  readonly id: number;
  readonly result: { firstPrev: string; lastHash: string; sealHeads: string[] } | null;
}

/** A few workers, each with its own read-only connection to the store's file, checking ranges. */
export class VerifyWorkerPool {
  private readonly workers: Worker[] = [];
  /** Ranges in flight: how to answer each, and which worker holds it. */
  private readonly waiting = new Map<
    number,
    { resolve: (reply: WorkerReply['result']) => void; worker: Worker }
  >();
  private readonly dead = new Set<Worker>();
  private nextId = 0;
  private next = 0;

  constructor(file: string, count: number) {
    const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqliteModule } });
      worker.on('message', (reply: WorkerReply) => this.settle(reply.id, reply.result));
      // A worker that cannot open the file or dies answers every range it holds as "not clean":
      // the caller then checks those ranges itself.
      const failOwn = () => {
        this.dead.add(worker);
        for (const [id, w] of this.waiting) if (w.worker === worker) this.settle(id, null);
      };
      worker.on('error', failOwn);
      worker.on('exit', failOwn);
      this.workers.push(worker);
    }
  }

  /** Whether every worker has stopped (e.g. could not open the file): checking on is pointless. */
  get broken(): boolean {
    return this.dead.size >= this.workers.length;
  }

  /** Checks a range on the next worker (round robin). */
  check(request: RangeRequest): Promise<RangeResult> {
    const id = this.nextId++;
    const worker = this.workers[this.next++ % this.workers.length];
    if (worker === undefined || this.dead.has(worker)) return Promise.resolve({ clean: false });
    return new Promise<RangeResult>((resolve) => {
      const answer = (result: WorkerReply['result']) =>
        resolve(
          result === null || result.sealHeads.length !== request.sealSeqs.length
            ? { clean: false }
            : {
                clean: true,
                firstPrev: result.firstPrev,
                lastHash: result.lastHash,
                sealHeads: new Map(request.sealSeqs.map((seq, i) => [seq, result.sealHeads[i]!])),
              },
        );
      this.waiting.set(id, { resolve: answer, worker });
      worker.postMessage({ id, ...request });
    });
  }

  private settle(id: number, result: WorkerReply['result']): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.resolve(result);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
    for (const id of [...this.waiting.keys()]) this.settle(id, null);
  }
}
