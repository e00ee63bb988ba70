/**
 * Exchange throughput, latency and cost on loopback, 1 KiB JSON answers. Each of three rounds measures
 * three targets one after another: (a) the provider directly, (b) a bare undici proxy (the baseline), (c) a
 * real exchange-only Cảng node, compiled JavaScript on plain Node.js in its own process, fed by an admin
 * node's signed configuration, so token authentication, the grant check and the durable chained log
 * (SQLite, synchronous=FULL, group commit) are all on the path. Each round's ratios compare (c) with (b) of
 * the same round; the BENCH line (the last) holds the median of the rounds. BENCH_SECONDS sets the measured
 * seconds per target (default 10, after a 2 s warm-up); BENCH_CONNECTIONS the connections (default 50);
 * BENCH_ROUNDS the rounds (default 3); BENCH_CPU_PROF={dir} profiles the Cảng nodes.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createStore } from '../src/store/index.js';
import type { AdminNodeInfo } from './support/cang-admin-node.js';
import type { ExchangeNodeInfo } from './support/cang-exchange-node.js';
import { type CompiledBuild, compileBuild } from './support/compiled-build.js';
import { driveLoad, type LoadResult, printLoad } from './support/load.js';
import { type BenchProcess, processCpuSeconds, processPeakRssMb, startProcess } from './support/processes.js';
import { positiveEnv } from './support/positive-env.js';

const TARGET_RATIO = 0.8;
const TARGET_P99_RATIO = 1.5;
const TARGET_CPU_RATIO = 1.4;
const SUPPORT = join(import.meta.dirname, 'support');
const REST_PATH = '/api/households/HP-305-000123';
/** The node scripts run compiled, as production runs dist/. */
export const NODE_SCRIPTS = ['bench/support/cang-admin-node.ts', 'bench/support/cang-exchange-node.ts'];

/** What the log held after a Cảng run. */
interface LogCheck {
  readonly entries: number;
  readonly expected: number;
  readonly byStatus: Record<string, number>;
}

/** One round's figures, each ratio against the same round's baseline. */
interface Round {
  readonly rps: number;
  readonly p99Ms: number;
  readonly ratioBare: number;
  readonly ratioDirect: number;
  readonly p99Ratio: number;
  readonly cpuRatio: number;
  readonly rssMb: number;
  readonly valid: boolean;
}

/** A load run and the CPU seconds its target process spent during it (every thread, warm-up included). */
async function measured(
  target: BenchProcess,
  run: () => Promise<LoadResult>,
): Promise<{ result: LoadResult; cpuSeconds: number }> {
  const before = processCpuSeconds(target.child.pid) ?? Number.NaN;
  const result = await run();
  const after = processCpuSeconds(target.child.pid) ?? Number.NaN;
  return { result, cpuSeconds: after - before };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Runs the rounds, prints one line per target and round, the ratios, and the BENCH line. */
export async function benchExchange(): Promise<void> {
  const seconds = positiveEnv('BENCH_SECONDS', 10);
  const connections = Math.floor(positiveEnv('BENCH_CONNECTIONS', 50));
  const rounds = Math.floor(positiveEnv('BENCH_ROUNDS', 3));
  const load = { connections, seconds };
  console.log(
    `exchange: ${rounds} rounds, ${connections} connections, ${seconds} s per target after a 2 s warm-up`,
  );
  const build = await compileBuild(NODE_SCRIPTS);
  const provider = await startProcess(join(SUPPORT, 'provider.ts'));
  const started: BenchProcess[] = [provider];
  let dataDir: string | null = null;
  try {
    const admin = await startProcess(build.script(NODE_SCRIPTS[0]!), [String(provider.port)]);
    started.push(admin);
    const adminInfo = JSON.parse(admin.info) as AdminNodeInfo;
    dataDir = adminInfo.dataDir;
    const results: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      console.log(`-- round ${round} of ${rounds}`);
      results.push(await benchRound(build, provider, adminInfo, `bench-node-${round}`, load));
    }
    const valid = results.every((r) => r.valid);
    const pick = (field: keyof Omit<Round, 'valid'>) => median(results.map((r) => r[field]));
    const peakRss = Math.max(...results.map((r) => r.rssMb));
    console.log(
      `median of ${rounds}: Cảng / bare proxy ${pick('ratioBare').toFixed(2)} (target ≥ ${TARGET_RATIO}), ` +
        `p99 ${pick('p99Ratio').toFixed(2)} (target ≤ ${TARGET_P99_RATIO}), CPU per call ${pick('cpuRatio').toFixed(2)} ` +
        `(target ≤ ${TARGET_CPU_RATIO}); peak RSS of the exchange node ${peakRss.toFixed(0)} MB`,
    );
    console.log(
      `BENCH exchange rps=${pick('rps').toFixed(0)} ratio_vs_bare_proxy=${pick('ratioBare').toFixed(2)} ` +
        `ratio_vs_direct=${pick('ratioDirect').toFixed(2)} p99_ms=${pick('p99Ms').toFixed(1)} ` +
        `p99_ratio_vs_bare_proxy=${pick('p99Ratio').toFixed(2)} cpu_ratio_vs_bare_proxy=${pick('cpuRatio').toFixed(2)} ` +
        `rss_mb=${peakRss.toFixed(0)} rounds=${rounds} target_ratio=${TARGET_RATIO} ` +
        `target_p99_ratio=${TARGET_P99_RATIO} target_cpu_ratio=${TARGET_CPU_RATIO}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error('an exchange round was invalid (errors, refusals or an incomplete log)');
  } finally {
    for (const child of started.reverse()) await child.stop();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One round: the provider directly, the bare proxy, then a fresh exchange node (its own chain). */
async function benchRound(
  build: CompiledBuild,
  provider: BenchProcess,
  admin: AdminNodeInfo,
  nodeId: string,
  load: { connections: number; seconds: number },
): Promise<Round> {
  // (a) The provider directly.
  const direct = await driveLoad('provider directly', `http://127.0.0.1:${provider.port}${REST_PATH}`, load);
  printLoad(direct);

  // (b) The bare undici proxy.
  const proxy = await startProcess(join(SUPPORT, 'bare-proxy.ts'), [String(provider.port)]);
  let bare: Awaited<ReturnType<typeof measured>>;
  try {
    bare = await measured(proxy, () =>
      driveLoad('bare undici proxy', `http://127.0.0.1:${proxy.port}${REST_PATH}`, load),
    );
  } finally {
    await proxy.stop();
  }
  printLoad(bare.result);

  // (c) Cảng's full path.
  const profileDir = process.env.BENCH_CPU_PROF;
  const node = await startProcess(
    build.script(NODE_SCRIPTS[1]!),
    [nodeId, JSON.stringify(admin)],
    {},
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [],
  );
  const info = JSON.parse(node.info) as ExchangeNodeInfo;
  let cang: Awaited<ReturnType<typeof measured>>;
  let rssMb: number;
  try {
    cang = await measured(node, () =>
      driveLoad('Cảng (auth, grant, log)', `http://127.0.0.1:${node.port}${admin.path}`, {
        ...load,
        headers: admin.headers,
      }),
    );
    rssMb = processPeakRssMb(node.child.pid) ?? Number.NaN;
  } finally {
    // SIGTERM closes the node: every append is committed (and the head sealed) before it exits.
    await node.stop();
  }
  const check = await readLog(admin, info, cang.result);
  printLoad(cang.result);

  // CPU per call, both counted over the load runs only, every thread of the process: on a busy machine
  // this says more about the hot path's cost than requests/s.
  const perCall = (cpu: number, calls: number) => (cpu * 1e6) / calls;
  const bareCpu = perCall(bare.cpuSeconds, bare.result.completed);
  const cangCpu = perCall(cang.cpuSeconds, cang.result.completed);
  console.log(
    `CPU per call: bare proxy ${bareCpu.toFixed(0)} µs, Cảng ${cangCpu.toFixed(0)} µs (every thread); ` +
      `peak RSS of the Cảng node ${rssMb.toFixed(0)} MB`,
  );
  const ratioBare = cang.result.requestsPerSecond / bare.result.requestsPerSecond;
  const ratioDirect = cang.result.requestsPerSecond / direct.requestsPerSecond;
  const p99Ratio = cang.result.p99Ms / Math.max(bare.result.p99Ms, 0.001);
  // Each of the two load runs (warm-up and measured) may end with up to one call per connection in
  // flight: its entry can be committed although the load tool never counted the answer.
  const extra = check.entries - check.expected;
  const logOk = extra >= 0 && extra <= 2 * load.connections;
  const valid = cang.result.errors === 0 && cang.result.non2xx === 0 && logOk;
  console.log(
    `log: ${check.entries} entries for ${check.expected} answered calls (${extra >= 0 ? '+' : ''}${extra} cut off in flight at the end of a run; statuses ${JSON.stringify(check.byStatus)})`,
  );
  console.log(
    `ratios: Cảng / bare proxy ${ratioBare.toFixed(2)}, Cảng / direct ${ratioDirect.toFixed(2)}, ` +
      `p99 Cảng / bare proxy ${p99Ratio.toFixed(2)}, CPU per call Cảng / bare proxy ${(cangCpu / bareCpu).toFixed(2)}`,
  );
  if (!valid) {
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    console.log(
      `!!! INVALID ROUND: Cảng had ${cang.result.errors} errors and ${cang.result.non2xx} non-2xx answers; ` +
        `log ${logOk ? 'complete' : `has ${check.entries} entries where ${check.expected}–${check.expected + 2 * load.connections} were expected`}`,
    );
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }
  return {
    rps: cang.result.requestsPerSecond,
    p99Ms: cang.result.p99Ms,
    ratioBare,
    ratioDirect,
    p99Ratio,
    cpuRatio: cangCpu / bareCpu,
    rssMb,
    valid,
  };
}

/** Reads a stopped node's log through the store: its entry count against the calls it answered. */
async function readLog(admin: AdminNodeInfo, info: ExchangeNodeInfo, result: LoadResult): Promise<LogCheck> {
  const store = createStore({ sqliteFile: join(admin.dataDir, 'cang.sqlite') });
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
