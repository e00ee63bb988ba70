/**
 * The log's search queries on PostgreSQL at scale: fills the month-partitioned `log_entries` of an embedded
 * PostgreSQL with generated rows spread over twelve months (3,000,000 by default, BENCH_LOG_ROWS sets it),
 * then runs EXPLAIN (ANALYZE, BUFFERS) on every query shape the log search and the data subject's view
 * send, built by the product's own query builders, and prints each plan. The rows are shaped like real
 * traffic (3 nodes, 200 client systems, 50 services, 2 % refusals, 0.1 % provider errors, 500,000 data
 * subjects) but are not chained: plans depend on the data's shape, not on its hashes. The BENCH line gives
 * each query's execution time and the number of full reads of log partitions among all plans (0: every
 * query is index-backed). Runs only when named: `npm run bench -- log-plans`.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { subjectLookupQuery } from '../src/catalog/subject-access.js';
import { encodeCursor } from '../src/core/index.js';
import { createLogPartitions, logPartitionOf } from '../src/exchange/log/log-partitions.js';
import { type LogSearchQuery, logSearchQuery } from '../src/exchange/log/search-log.js';
import { createStore, type Database, type Store } from '../src/store/index.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';

const DAY_MS = 86_400_000;
const SPAN_MS = 365 * DAY_MS;
const CHUNK = 250_000;

/** Creates the partitions of every month the generated rows fall in. */
async function createMonths(db: Kysely<Database>, from: number, to: number): Promise<void> {
  const months = [];
  for (let at = from; at < to; ) {
    const month = logPartitionOf(at);
    months.push(month);
    at = month.to;
  }
  months.push(logPartitionOf(to));
  await createLogPartitions(db, months);
}

/**
 * Inserts rows `first`..`last` in one statement, computed by PostgreSQL: row i started (SPAN_MS / rows) ms
 * after the previous, on node i % 3 at seq i / 3, its id a UUIDv7 of its start time.
 */
async function insertRows(db: Kysely<Database>, first: number, last: number, rows: number, start: number) {
  const step = SPAN_MS / rows;
  await sql`
    INSERT INTO log_entries (node_id, seq, id, started_at, duration_ms, client_id, service_id, method, path,
      status, error_code, request_bytes, response_bytes, subject_hash, purpose, prev_hash, hash)
    SELECT 'node-' || (i % 3), i / 3 + 1,
      substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-' ||
        substr(r, 7, 12),
      t, 12.5, 'VN-HP/GOV/C' || (i % 200) || '/HTTT-' || (i % 200), 'VN-HP/GOV/P' || (i % 50) || '/HTTT/dv-' || (i % 50),
      'GET', '/records/' || i,
      CASE WHEN i % 50 = 0 THEN 403 WHEN i % 997 = 0 THEN 502 ELSE 200 END,
      CASE WHEN i % 50 = 0 THEN 'access-denied' WHEN i % 997 = 0 THEN 'provider-error' END,
      200, 1024, md5('subject-' || (i % 500000)), 'TRA-CUU', md5('prev-' || i), md5('hash-' || i)
    FROM (
      SELECT i, t, lpad(to_hex(t), 12, '0') AS h, md5('id-' || i) AS r
      FROM (SELECT i, (${start}::bigint + floor(i * ${step}::float8))::bigint AS t
            FROM generate_series(${first}::bigint, ${last}::bigint) AS i) AS timed
    ) AS generated`.execute(db);
}

async function fill(store: Store, rows: number, start: number): Promise<void> {
  await createMonths(store.db, start, start + SPAN_MS);
  const began = performance.now();
  for (let first = 0; first < rows; first += CHUNK) {
    const last = Math.min(rows, first + CHUNK) - 1;
    await insertRows(store.db, first, last, rows, start);
    const done = last + 1;
    const seconds = (performance.now() - began) / 1000;
    process.stdout.write(
      `\rfilling: ${done.toLocaleString('en')} of ${rows.toLocaleString('en')} rows (${Math.round((100 * done) / rows)} %), ${seconds.toFixed(0)} s`,
    );
  }
  process.stdout.write('\n');
  await sql`ANALYZE log_entries`.execute(store.db);
}

/** One query's plan: its execution time and how many of its nodes read a log partition's rows in full. */
interface Plan {
  readonly executionMs: number;
  readonly seqScans: number;
  readonly text: string;
}

/**
 * The sequential scans of log partitions that held rows: the planner rightly scans an empty partition
 * (next month's, made ahead) or a small table of names, which costs nothing and is not counted.
 */
function logSeqScans(lines: readonly string[]): number {
  let count = 0;
  lines.forEach((line, at) => {
    if (!/Seq Scan on log_entries_y/.test(line)) return;
    const depth = line.search(/\S/);
    const rowsRead = /rows=([\d.]+)/.exec(line);
    let removed = false;
    for (let next = at + 1; next < lines.length && lines[next]!.search(/\S/) > depth; next++) {
      if (/Rows Removed by Filter: [1-9]/.test(lines[next]!)) removed = true;
    }
    if (removed || Number(rowsRead?.[1] ?? 0) > 0) count += 1;
  });
  return count;
}

async function explain(store: Store, compiled: CompiledQuery): Promise<Plan> {
  const result = await store.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${compiled.sql}`, [
      ...compiled.parameters,
    ]),
  );
  const lines = result.rows.map((row) => row['QUERY PLAN']);
  const execution = lines.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
  return {
    executionMs: execution ? Number(execution[1]) : Number.NaN,
    seqScans: logSeqScans(lines),
    text: lines.join('\n'),
  };
}

/** Runs the plans benchmark on an embedded PostgreSQL and prints the BENCH line. */
export async function benchLogQueryPlans(): Promise<void> {
  const rows = Number(process.env.BENCH_LOG_ROWS ?? 3_000_000);
  const server = await startEmbeddedPostgres({ user: 'cang', password: 'cang-bench' });
  const store = createStore({ postgresUrl: server.url });
  try {
    await store.migrate();
    const end = Date.now();
    const start = end - SPAN_MS;
    await fill(store, rows, start);
    const sample = await store.db
      .selectFrom('log_entries')
      .select(['id', 'started_at', 'subject_hash'])
      .where('started_at', '>=', end - 30 * DAY_MS)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const search = (query: LogSearchQuery) => logSearchQuery(store, query, 50).compile();
    const queries: readonly (readonly [string, CompiledQuery])[] = [
      ['newest', search({})],
      ['next_page', search({ cursor: encodeCursor([sample.started_at - 3 * DAY_MS, sample.id]) })],
      ['service_day', search({ serviceId: 'VN-HP/GOV/P7/HTTT/dv-7', from: end - DAY_MS, to: end })],
      ['client_week', search({ clientId: 'VN-HP/GOV/C42/HTTT-42', from: end - 7 * DAY_MS, to: end })],
      ['status_month', search({ status: 502, from: end - 30 * DAY_MS, to: end })],
      ['error_code_month', search({ errorCode: 'provider-error', from: end - 30 * DAY_MS, to: end })],
      ['by_id', search({ id: sample.id })],
      ['subject', subjectLookupQuery(store.db, [sample.subject_hash!], {}).compile()],
    ];
    const figures: string[] = [];
    let seqScans = 0;
    for (const [name, compiled] of queries) {
      const plan = await explain(store, compiled);
      seqScans += plan.seqScans;
      figures.push(`${name}_ms=${plan.executionMs.toFixed(2)}`);
      console.log(
        `\n-- ${name}: ${plan.executionMs.toFixed(2)} ms, ${plan.seqScans} full reads of a log partition`,
      );
      console.log(plan.text);
    }
    console.log(`\nBENCH log-plans rows=${rows} ${figures.join(' ')} log_seq_scans=${seqScans}`);
  } finally {
    await store.close();
    await server.stop();
  }
}
