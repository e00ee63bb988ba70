/**
 * Catalog search latency: 100,000 generated entries (Vietnamese titles and descriptions built from
 * word lists of Hải Phòng's agencies, districts and data themes), then 100 realistic queries, half
 * typed without diacritics, some with a partial last word, some with a facet filter. Each query runs
 * once to warm up, then the 100 queries are timed in three runs; the median of the three runs' p95 is
 * reported for SQLite (a file under a temporary folder) and PostgreSQL (embedded, started here), as the
 * machine is shared and one run can be unlucky. Target: p95 < 50 ms on both.
 * BENCH_CATALOG_ENTRIES sets the entry count. The last line is machine-readable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Catalog, createCatalog } from '../src/catalog/index.js';
import { createRegistry } from '../src/registry/index.js';
import { createStore, type Store } from '../src/store/index.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import { buildQueries, loadEntries } from './support/catalog-entries.js';

const TARGET_MS = 50;
const RUNS = 3;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, catalog: Catalog, queries: readonly Record<string, unknown>[]) {
  const timings: number[] = [];
  let matched = 0;
  for (const query of queries) {
    const started = performance.now();
    const result = await catalog.search(query);
    timings.push(performance.now() - started);
    matched += result.total;
  }
  timings.sort((a, b) => a - b);
  const p95 = percentile(timings, 95);
  console.log(
    `${name}: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms, mean matches ${Math.round(matched / queries.length)}`,
  );
  return p95;
}

async function benchDialect(store: Store, count: number): Promise<number> {
  await store.migrate();
  const loadStarted = performance.now();
  await loadEntries(store, count);
  console.log(
    `${store.dialect}: loaded ${count} entries in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
  );
  const registry = createRegistry({ store, instance: 'VN-HP' });
  const catalog = createCatalog({ store, registry, subjectHashKeys: ['bench'] });
  const queries = buildQueries();
  for (const query of queries) await catalog.search(query);
  const p95s: number[] = [];
  for (let run = 1; run <= RUNS; run++)
    p95s.push(await measure(`${store.dialect} run ${run}`, catalog, queries));
  const median = p95s.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  console.log(`${store.dialect}: median p95 of ${RUNS} runs ${median.toFixed(1)} ms`);
  return median;
}

/** Runs the search benchmark on SQLite and PostgreSQL and prints the BENCH line. */
export async function benchCatalogSearch(): Promise<void> {
  const count = Number(process.env.BENCH_CATALOG_ENTRIES ?? 100_000);
  const root = mkdtempSync(join(tmpdir(), 'cang-catalog-bench-'));
  let sqliteP95 = Number.NaN;
  let postgresP95 = Number.NaN;
  try {
    const sqlite = createStore({ sqliteFile: join(root, 'catalog.sqlite') });
    try {
      sqliteP95 = await benchDialect(sqlite, count);
    } finally {
      await sqlite.close();
    }
    const server = await startEmbeddedPostgres({ user: 'cang', password: 'cang-bench' });
    try {
      const postgres = createStore({ postgresUrl: server.url });
      try {
        postgresP95 = await benchDialect(postgres, count);
      } finally {
        await postgres.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const valid = sqliteP95 < TARGET_MS && postgresP95 < TARGET_MS;
  console.log(
    `BENCH catalog-search sqlite_p95_ms=${sqliteP95.toFixed(1)} postgres_p95_ms=${postgresP95.toFixed(1)} ` +
      `target_ms=${TARGET_MS} runs=${RUNS}${valid ? '' : ' valid=false'}`,
  );
  if (!valid) throw new Error(`catalog search p95 is not under ${TARGET_MS} ms on both databases`);
}

if (process.argv[1]?.endsWith('catalog-search.ts')) await benchCatalogSearch();
