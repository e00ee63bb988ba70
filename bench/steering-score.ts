/**
 * Scoring and ranking of steering indicators for ONE period over 1.2 million values (100 units × 100
 * indicators × 120 monthly periods), on SQLite (temporary file) and on PostgreSQL (embedded, started here).
 * The query path: one range scan of the (period, indicator, unit) key for the period's values, three small
 * lookups, arithmetic in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createIndicatorCommands } from '../src/steering/index.js';
import { createStore, type Store } from '../src/store/index.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';

const UNITS = 100;
const INDICATORS = 100;
const PERIODS = 120; // 2015-01 … 2024-12
const TARGET_MS = 300;
const RUNS = 7;
const KINDS = ['city', 'department', 'district', 'commune'] as const;
const NOW = Date.parse('2025-06-15T03:00:00Z');

const unitId = (u: number): string => `U-${String(u).padStart(3, '0')}`;
const code = (i: number): string => `BEN-${String(i).padStart(3, '0')}`;
const period = (p: number): string => `${2015 + Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}`;
const sampleValue = (u: number, i: number, p: number): number => ((u * 31 + i * 17 + p * 7) % 120) + 0.5;

/** Definitions, units and targets: small, inserted through SQL both dialects accept. */
async function fillDefinitions(store: Store): Promise<void> {
  const { db } = store;
  await db
    .insertInto('steering_units')
    .values(
      Array.from({ length: UNITS }, (_, u) => ({
        id: unitId(u),
        admin_code: null,
        name: `Đơn vị thử ${u}`,
        kind: u === 0 ? 'city' : KINDS[1 + (u % 3)]!,
        parent_id: u === 0 ? null : unitId(0),
        valid_from: '2010-01-01',
        valid_to: null,
        successor_id: null,
        organisation_id: null,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute();
  await db
    .insertInto('steering_indicators')
    .values(
      Array.from({ length: INDICATORS }, (_, i) => ({
        code: code(i),
        name: `Chỉ tiêu thử ${i}`,
        pillar: 'bench',
        measure_unit: '%',
        direction: i % 5 === 0 ? ('down' as const) : ('up' as const),
        levels: JSON.stringify(KINDS),
        weight: 1 + (i % 3),
        baseline_value: null,
        baseline_year: null,
        measure: null,
        note: null,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute();
  const targets = [];
  for (let i = 0; i < INDICATORS; i++) {
    for (let year = 2015; year <= 2024; year++)
      targets.push({ indicator_code: code(i), level: '*', year, target: 60 + (i % 40) });
    targets.push({ indicator_code: code(i), level: 'district', year: 2015, target: 50 });
  }
  await db.insertInto('steering_indicator_targets').values(targets).execute();
}

function fillValuesSqlite(file: string): void {
  const raw = new DatabaseSync(file);
  raw.exec('PRAGMA synchronous = OFF');
  const insert = raw.prepare(
    `insert into steering_indicator_values (period, indicator_code, unit_id, value, source, evidence_note, attachment_id, recorded_by, created_at, updated_at)
     values (?, ?, ?, ?, 'reported', null, null, 'bench', ${NOW}, ${NOW})`,
  );
  for (let p = 0; p < PERIODS; p++) {
    raw.exec('BEGIN');
    for (let i = 0; i < INDICATORS; i++)
      for (let u = 0; u < UNITS; u++) insert.run(period(p), code(i), unitId(u), sampleValue(u, i, p));
    raw.exec('COMMIT');
  }
  raw.close();
}

async function fillValuesPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let p = 0; p < PERIODS; p++) {
      const periods: string[] = [];
      const codes: string[] = [];
      const units: string[] = [];
      const values: number[] = [];
      for (let i = 0; i < INDICATORS; i++) {
        for (let u = 0; u < UNITS; u++) {
          periods.push(period(p));
          codes.push(code(i));
          units.push(unitId(u));
          values.push(sampleValue(u, i, p));
        }
      }
      await client.query(
        `insert into steering_indicator_values (period, indicator_code, unit_id, value, source, recorded_by, created_at, updated_at)
         select p, c, u, v, 'reported', 'bench', ${NOW}, ${NOW} from unnest($1::text[], $2::text[], $3::text[], $4::float8[]) as t(p, c, u, v)`,
        [periods, codes, units, values],
      );
    }
    await client.query('analyze steering_indicator_values');
  } finally {
    await client.end();
  }
}

/** Times scoring and ranking of one period; returns the median of several runs after a warm-up. */
async function timeScoring(store: Store): Promise<{ medianMs: number; units: number; components: number }> {
  const indicators = createIndicatorCommands({ db: store.db, now: () => NOW });
  const board = await indicators.scores('2020-06');
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await indicators.scores(period((run * 13) % PERIODS));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const components = board.units.reduce((sum, unit) => sum + unit.components.length, 0);
  return { medianMs: times[Math.floor(times.length / 2)]!, units: board.units.length, components };
}

async function benchSqlite(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cang-bench-steering-'));
  const file = join(dir, 'cang.sqlite');
  const store = createStore({ sqliteFile: file });
  try {
    await store.migrate();
    await fillDefinitions(store);
    const started = performance.now();
    fillValuesSqlite(file);
    console.log(
      `sqlite: filled ${(UNITS * INDICATORS * PERIODS).toLocaleString('en')} values in ${Math.round(performance.now() - started)} ms`,
    );
    const result = await timeScoring(store);
    console.log(
      `sqlite: one period, ${result.units} units, ${result.components} components: median ${result.medianMs.toFixed(1)} ms`,
    );
    return result.medianMs;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<number> {
  const server = await startEmbeddedPostgres({ user: 'cang', password: 'cang-bench' });
  const store = createStore({ postgresUrl: server.url });
  try {
    await store.migrate();
    await fillDefinitions(store);
    const started = performance.now();
    await fillValuesPostgres(server.url);
    console.log(
      `postgres: filled ${(UNITS * INDICATORS * PERIODS).toLocaleString('en')} values in ${Math.round(performance.now() - started)} ms`,
    );
    const result = await timeScoring(store);
    console.log(
      `postgres: one period, ${result.units} units, ${result.components} components: median ${result.medianMs.toFixed(1)} ms`,
    );
    return result.medianMs;
  } finally {
    await store.close();
    await server.stop();
  }
}

/** Runs the benchmark on both dialects and prints the figures; the last line is machine-readable. */
export async function benchSteeringScore(): Promise<{ sqliteMs: number; postgresMs: number }> {
  const sqliteMs = await benchSqlite();
  const postgresMs = await benchPostgres();
  console.log(
    `BENCH steering-score sqlite_ms=${sqliteMs.toFixed(1)} postgres_ms=${postgresMs.toFixed(1)} target_ms=${TARGET_MS}`,
  );
  return { sqliteMs, postgresMs };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchSteeringScore();
}
