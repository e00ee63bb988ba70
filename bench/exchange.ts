/**
 * Exchange throughput and latency on loopback, 1 KiB JSON answers, three targets measured one after
 * another in the same run: (a) the provider directly, (b) a bare undici proxy (the baseline), (c) a real
 * Cảng node in its own process, so token authentication, the grant check and the durable chained log
 * (SQLite, synchronous=FULL, group commit) are all on the path. Prints ratios; the last line is
 * machine-readable. BENCH_SECONDS sets the measured seconds per target (default 10, after a 2 s warm-up);
 * BENCH_CONNECTIONS the connections (default 50); BENCH_CPU_PROF={dir} profiles the Cảng node.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createStore } from '../src/store/index.js';
import type { NodeInfo } from './support/cang-node.js';
import { driveLoad, type LoadResult, printLoad } from './support/load.js';
import { type BenchProcess, processCpuSeconds, startProcess } from './support/processes.js';

const TARGET_RATIO = 0.8;
const TARGET_P99_RATIO = 1.5;
const SUPPORT = join(import.meta.dirname, 'support');
const REST_PATH = '/api/households/HP-305-000123';

function positiveEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** What the log held after the Cảng run. */
interface LogCheck {
  readonly entries: number;
  readonly expected: number;
  readonly byStatus: Record<string, number>;
}

/** Runs the three targets and prints one line each, the ratios, and the BENCH line. */
export async function benchExchange(): Promise<void> {
  const seconds = positiveEnv('BENCH_SECONDS', 10);
  const connections = Math.floor(positiveEnv('BENCH_CONNECTIONS', 50));
  const load = { connections, seconds };
  console.log(`exchange: ${connections} connections, ${seconds} s per target after a 2 s warm-up`);

  const provider = await startProcess(join(SUPPORT, 'provider.ts'));
  const started: BenchProcess[] = [provider];
  try {
    // (a) The provider directly.
    const direct = await driveLoad(
      'provider directly',
      `http://127.0.0.1:${provider.port}${REST_PATH}`,
      load,
    );
    printLoad(direct);

    // (b) The bare undici proxy.
    const proxy = await startProcess(join(SUPPORT, 'bare-proxy.ts'), [String(provider.port)]);
    started.push(proxy);
    const bare = await driveLoad('bare undici proxy', `http://127.0.0.1:${proxy.port}${REST_PATH}`, load);
    const bareCpu = processCpuSeconds(proxy.child.pid);
    await proxy.stop();
    printLoad(bare);

    // (c) Cảng's full path.
    const profileDir = process.env.BENCH_CPU_PROF;
    const node = await startProcess(
      join(SUPPORT, 'cang-node.ts'),
      [String(provider.port)],
      {},
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [],
    );
    started.push(node);
    const info = JSON.parse(node.info) as NodeInfo;
    let cang: LoadResult;
    let check: LogCheck;
    let cangCpu: number | null;
    try {
      const cpuBefore = processCpuSeconds(node.child.pid) ?? 0;
      cang = await driveLoad('Cảng (auth, grant, log)', `http://127.0.0.1:${node.port}${info.path}`, {
        ...load,
        headers: info.headers,
      });
      const cpuAfter = processCpuSeconds(node.child.pid);
      cangCpu = cpuAfter === null ? null : cpuAfter - cpuBefore;
      // SIGTERM closes the node: every append is committed (and the head sealed) before it exits.
      await node.stop();
      check = await readLog(info, cang);
    } finally {
      await node.stop();
      rmSync(info.dataDir, { recursive: true, force: true });
    }
    printLoad(cang);

    // CPU per call (the proxy's includes its start-up; Cảng's counts from READY): on a busy machine this
    // says more about the hot path's cost than requests/s.
    if (bareCpu !== null && cangCpu !== null) {
      const perCall = (cpu: number, calls: number) => `${((cpu * 1e6) / calls).toFixed(0)} µs`;
      console.log(
        `CPU per call: bare proxy ${perCall(bareCpu, bare.completed)}, Cảng ${perCall(cangCpu, cang.completed)} (main thread and log worker)`,
      );
    }
    // Ratios and validity.
    const ratioBare = cang.requestsPerSecond / bare.requestsPerSecond;
    const ratioDirect = cang.requestsPerSecond / direct.requestsPerSecond;
    const p99Ratio = cang.p99Ms / Math.max(bare.p99Ms, 0.001);
    // Each of the two load runs (warm-up and measured) may end with up to one call per connection in
    // flight: its entry can be committed although the load tool never counted the answer.
    const extra = check.entries - check.expected;
    const logOk = extra >= 0 && extra <= 2 * connections;
    const valid = cang.errors === 0 && cang.non2xx === 0 && logOk;
    console.log(
      `log: ${check.entries} entries for ${check.expected} answered calls (${extra >= 0 ? '+' : ''}${extra} cut off in flight at the end of a run; statuses ${JSON.stringify(check.byStatus)})`,
    );
    console.log(
      `ratios: Cảng / bare proxy ${ratioBare.toFixed(2)} (target ≥ ${TARGET_RATIO}), Cảng / direct ${ratioDirect.toFixed(2)}, ` +
        `p99 Cảng / bare proxy ${p99Ratio.toFixed(2)} (target ≤ ${TARGET_P99_RATIO})`,
    );
    if (!valid) {
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
      console.log(
        `!!! INVALID RUN: Cảng had ${cang.errors} errors and ${cang.non2xx} non-2xx answers; ` +
          `log ${logOk ? 'complete' : `has ${check.entries} entries where ${check.expected}–${check.expected + 2 * connections} were expected`}`,
      );
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    }
    console.log(
      `BENCH exchange rps=${cang.requestsPerSecond.toFixed(0)} ratio_vs_bare_proxy=${ratioBare.toFixed(2)} ` +
        `ratio_vs_direct=${ratioDirect.toFixed(2)} p99_ms=${cang.p99Ms.toFixed(1)} p99_ratio_vs_bare_proxy=${p99Ratio.toFixed(2)} ` +
        `target_ratio=${TARGET_RATIO} target_p99_ratio=${TARGET_P99_RATIO}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error('the exchange run was invalid (errors, refusals or an incomplete log)');
  } finally {
    for (const child of started.reverse()) await child.stop();
  }
}

/** Reads the stopped node's log through the store: its entry count against the calls it answered. */
async function readLog(info: NodeInfo, result: LoadResult): Promise<LogCheck> {
  const store = createStore({ sqliteFile: join(info.dataDir, 'cang.sqlite') });
  try {
    const rows = await store.db
      .selectFrom('log_entries')
      .select(['status', sql<number>`count(*)`.as('n')])
      .where('node_id', '=', info.nodeId)
      .groupBy('status')
      .execute();
    const byStatus: Record<string, number> = {};
    let entries = 0;
    for (const row of rows) {
      byStatus[String(row.status)] = Number(row.n);
      entries += Number(row.n);
    }
    return { entries, expected: info.entriesBefore + result.completed, byStatus };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchExchange();
}
