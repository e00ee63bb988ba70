/**
 * Scale-out through HAProxy on loopback: 1, 2 and 3 exchange-only nodes (compiled JavaScript on plain
 * Node.js, each in its own process with its own data folder and chain) on one PostgreSQL started here, fed by
 * one admin node's signed configuration, behind Debian's HAProxy with the cluster test's configuration
 * (round robin, health checks on /health/ready). The same run first measures HAProxy directly in front of
 * the bare provider, the balancer's own cost. Each node count starts fresh nodes, loads them through the
 * balancer, stops them (their logs committed and sealed) and checks that every node answered calls and
 * logged at least every call it answered; PostgreSQL's sessions are sampled meanwhile for lock waits, which
 * tell nodes taking turns on the same rows apart from nodes sharing cores. On a machine of a few cores the
 * load generator, HAProxy, PostgreSQL, the provider and every node share the same cores, so the figures
 * measure what balancing over more processes costs, not what more machines would carry. BENCH_SECONDS
 * (default 10, after a 2 s warm-up) and BENCH_CONNECTIONS (default 50) as for the exchange benchmark.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createStore, type Store } from '../src/store/index.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import { ANSWERED_BY, type Backend, startHaproxy } from '../test/support/haproxy.js';
import { NODE_SCRIPTS } from './exchange.js';
import type { AdminNodeInfo } from './support/cang-admin-node.js';
import type { ExchangeNodeInfo } from './support/cang-exchange-node.js';
import { type CompiledBuild, compileBuild } from './support/compiled-build.js';
import { driveLoad, type LoadResult, printLoad } from './support/load.js';
import { positiveEnv } from './support/positive-env.js';
import { type PostgresWaits, sampleWaits } from './support/postgres-waits.js';
import { type BenchProcess, processCpuSeconds, startProcess } from './support/processes.js';

const SUPPORT = join(import.meta.dirname, 'support');
const NODE_COUNTS = [1, 2, 3] as const;
const REST_PATH = '/api/households/HP-305-000123';
/** From this share of PostgreSQL's busy sessions waiting for locks, the lock waits get a remark of their own. */
const LOCK_WAIT_REMARK = 0.2;

type Load = { readonly connections: number; readonly seconds: number };

/** One load run through the balancer, with the CPU its measured processes spent per answered call. */
interface BalancedRun {
  readonly nodes: number;
  readonly result: LoadResult;
  /** Every exchange node together. */
  readonly nodesCpuMicrosPerCall: number;
  readonly haproxyCpuMicrosPerCall: number;
  /** Share of PostgreSQL's busy client sessions that waited for a lock, over the run's samples. */
  readonly lockWaitShare: number;
  readonly valid: boolean;
}

const cpuSecondsOf = (pids: readonly number[]): number =>
  pids.reduce((sum, pid) => sum + (processCpuSeconds(pid) ?? Number.NaN), 0);

/**
 * Starts HAProxy in front of `backends`, drives the load at `path` through it, counting the answers by the
 * server HAProxy names, and stops it. CPU is counted over the load runs (warm-up included) for HAProxy and
 * for the processes of `measuredPids`.
 */
async function throughBalancer(
  name: string,
  backends: readonly Backend[],
  path: string,
  load: Load & { headers?: Record<string, string> },
  measuredPids: readonly number[],
): Promise<{ result: LoadResult; nodesCpuSeconds: number; haproxyCpuSeconds: number }> {
  const haproxy = await startHaproxy(backends);
  try {
    const before = { nodes: cpuSecondsOf(measuredPids), haproxy: cpuSecondsOf([haproxy.pid]) };
    const result = await driveLoad(name, `${haproxy.url}${path}`, { ...load, countBy: ANSWERED_BY });
    return {
      result,
      nodesCpuSeconds: cpuSecondsOf(measuredPids) - before.nodes,
      haproxyCpuSeconds: cpuSecondsOf([haproxy.pid]) - before.haproxy,
    };
  } finally {
    await haproxy.stop();
  }
}

/** Runs the baseline and every node count, prints their figures, the remark and the BENCH line. */
export async function benchScale(): Promise<void> {
  const load: Load = {
    connections: Math.floor(positiveEnv('BENCH_CONNECTIONS', 50)),
    seconds: positiveEnv('BENCH_SECONDS', 10),
  };
  const cores = availableParallelism();
  console.log(
    `scale: ${NODE_COUNTS.join(', ')} exchange nodes behind HAProxy on ${cores} cores, ` +
      `${load.connections} connections, ${load.seconds} s per target after a 2 s warm-up`,
  );
  const build = await compileBuild(NODE_SCRIPTS);
  const postgres = await startEmbeddedPostgres({ user: 'cang', password: 'cang-bench-scale' });
  const started: BenchProcess[] = [];
  let dataDir: string | null = null;
  let store: Store | null = null;
  try {
    const provider = await startProcess(join(SUPPORT, 'provider.ts'));
    started.push(provider);
    const bare = await throughBalancer(
      'HAProxy → provider',
      [{ name: 'provider', url: `http://127.0.0.1:${provider.port}` }],
      REST_PATH,
      load,
      [],
    );
    printLoad(bare.result);
    const admin = await startProcess(build.script(NODE_SCRIPTS[0]!), [String(provider.port), postgres.url]);
    started.push(admin);
    const adminInfo = JSON.parse(admin.info) as AdminNodeInfo;
    dataDir = adminInfo.dataDir;
    store = createStore({ postgresUrl: postgres.url });
    const runs: BalancedRun[] = [];
    for (const nodes of NODE_COUNTS) runs.push(await runNodes(nodes, build, adminInfo, store, load));

    const [one, two, three] = runs as [BalancedRun, BalancedRun, BalancedRun];
    const perCall = (cpuSeconds: number, calls: number) => (cpuSeconds * 1e6) / calls;
    const bareHaproxyCpu = perCall(bare.haproxyCpuSeconds, bare.result.completed);
    console.log(
      `HAProxy → provider: ${bare.result.requestsPerSecond.toFixed(0)} req/s, p99 ${bare.result.p99Ms.toFixed(1)} ms, ` +
        `HAProxy ${bareHaproxyCpu.toFixed(0)} µs CPU per call`,
    );
    for (const run of runs) {
      console.log(
        `${run.nodes} node${run.nodes === 1 ? ': ' : 's:'} ${run.result.requestsPerSecond.toFixed(0).padStart(6)} req/s ` +
          `(${(run.result.requestsPerSecond / one.result.requestsPerSecond).toFixed(2)} × 1 node), ` +
          `p99 ${run.result.p99Ms.toFixed(1)} ms (${(run.result.p99Ms / one.result.p99Ms).toFixed(2)} ×), ` +
          `CPU per call of the nodes together ${run.nodesCpuMicrosPerCall.toFixed(0)} µs ` +
          `(${(run.nodesCpuMicrosPerCall / one.nodesCpuMicrosPerCall).toFixed(2)} ×), ` +
          `HAProxy ${run.haproxyCpuMicrosPerCall.toFixed(0)} µs`,
      );
    }
    console.log(
      `remark: the load generator, HAProxy, PostgreSQL, the provider, the admin node and every exchange node ` +
        `share this machine's ${cores} cores, so a node added here takes CPU from the others instead of bringing ` +
        `its own: on ${cores} cores these ratios measure the overhead of balancing over more processes, not ` +
        `capacity. Measure capacity with each node on its own machine and the load generated elsewhere.`,
    );
    const locked = runs.filter((run) => run.nodes > 1 && run.lockWaitShare >= LOCK_WAIT_REMARK);
    if (locked.length > 0) {
      console.log(
        `remark: with ${locked.map((run) => run.nodes).join(' and ')} nodes, ` +
          `${locked.map((run) => `${(100 * run.lockWaitShare).toFixed(0)} %`).join(' and ')} of PostgreSQL's busy ` +
          `sessions waited for a lock another node held: the nodes take turns on the same rows, a cost that ` +
          `more cores or machines would not remove.`,
      );
    }
    const valid = runs.every((run) => run.valid);
    const figures = (run: BalancedRun) =>
      `rps_${run.nodes}=${run.result.requestsPerSecond.toFixed(0)} p99_${run.nodes}_ms=${run.result.p99Ms.toFixed(1)}`;
    const cpu = (run: BalancedRun) =>
      `cpu_us_per_call_${run.nodes}=${run.nodesCpuMicrosPerCall.toFixed(0)} ` +
      `lock_wait_share_${run.nodes}=${run.lockWaitShare.toFixed(2)}`;
    const ratio = (run: BalancedRun) =>
      `ratio_${run.nodes}_vs_1=${(run.result.requestsPerSecond / one.result.requestsPerSecond).toFixed(2)}`;
    console.log(
      `BENCH scale ${figures(one)} ${figures(two)} ${figures(three)} cores=${cores} ` +
        `${cpu(one)} ${cpu(two)} ${cpu(three)} ${ratio(two)} ${ratio(three)} ` +
        `haproxy_provider_rps=${bare.result.requestsPerSecond.toFixed(0)} ` +
        `haproxy_provider_p99_ms=${bare.result.p99Ms.toFixed(1)}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error('a node count had errors, refusals, an idle node or an incomplete log');
  } finally {
    await store?.close();
    for (const child of started.reverse()) await child.stop();
    await postgres.stop();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Fresh exchange nodes behind the balancer: loads them, stops them (every append committed), and compares
 * what each logged with what it answered.
 */
async function runNodes(
  count: number,
  build: CompiledBuild,
  admin: AdminNodeInfo,
  store: Store,
  load: Load,
): Promise<BalancedRun> {
  const nodes: { process: BenchProcess; info: ExchangeNodeInfo }[] = [];
  let run: Awaited<ReturnType<typeof throughBalancer>>;
  let waits: PostgresWaits;
  try {
    for (let i = 1; i <= count; i++) {
      const node = await startProcess(build.script(NODE_SCRIPTS[1]!), [
        `bench-scale-${count}-${i}`,
        JSON.stringify(admin),
      ]);
      nodes.push({ process: node, info: JSON.parse(node.info) as ExchangeNodeInfo });
    }
    ({ value: run, waits } = await sampleWaits(store, () =>
      throughBalancer(
        `Cảng, ${count} node${count === 1 ? '' : 's'}`,
        nodes.map(({ process, info }) => ({ name: info.nodeId, url: `http://127.0.0.1:${process.port}` })),
        admin.path,
        { ...load, headers: admin.headers },
        nodes.map(({ process }) => process.child.pid!),
      ),
    ));
  } finally {
    // SIGTERM closes a node: every append is committed (and the head sealed) before it exits.
    for (const { process } of nodes) await process.stop();
  }
  printLoad(run.result);
  const lockWaitShare = waits.lockWaits / Math.max(waits.busy, 1);
  console.log(
    `PostgreSQL: ${(100 * lockWaitShare).toFixed(0)} % of the busy sessions sampled waited for a lock; most seen: ` +
      waits.top.map(([what, n]) => `${what}… ×${n}`).join(', '),
  );

  const rows = await store.db
    .selectFrom('log_entries')
    .select(['node_id', sql<number>`count(*)`.as('n')])
    .where(
      'node_id',
      'in',
      nodes.map(({ info }) => info.nodeId),
    )
    .groupBy('node_id')
    .execute();
  const { answeredBy } = run.result;
  let extra = 0;
  let everyNodeComplete = true;
  const perNode = nodes.map(({ info }) => {
    const logged = Number(rows.find((row) => row.node_id === info.nodeId)?.n ?? 0) - info.entriesBefore;
    const answered = answeredBy[info.nodeId] ?? 0;
    extra += logged - answered;
    if (answered === 0 || logged < answered) everyNodeComplete = false;
    return `${info.nodeId} answered ${answered}, logged ${logged}`;
  });
  const unattributed =
    run.result.completed - nodes.reduce((sum, { info }) => sum + (answeredBy[info.nodeId] ?? 0), 0);
  // Each of the two load runs (warm-up and measured) may end with up to one call per connection in
  // flight: its entry can be committed although the load tool never counted the answer.
  const valid =
    run.result.errors === 0 &&
    run.result.non2xx === 0 &&
    unattributed === 0 &&
    everyNodeComplete &&
    extra <= 2 * load.connections;
  console.log(
    `log: ${perNode.join('; ')}${unattributed === 0 ? '' : `; ${unattributed} answers named no node`}`,
  );
  if (!valid) {
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    console.log(
      `!!! INVALID RUN with ${count} node(s): ${run.result.errors} errors, ${run.result.non2xx} non-2xx answers, ` +
        `${unattributed} answers from no node; every node answered and logged its answers: ${everyNodeComplete}; ` +
        `${extra} entries more than answers (at most ${2 * load.connections} cut off in flight)`,
    );
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }
  return {
    nodes: count,
    result: run.result,
    nodesCpuMicrosPerCall: (run.nodesCpuSeconds * 1e6) / run.result.completed,
    haproxyCpuMicrosPerCall: (run.haproxyCpuSeconds * 1e6) / run.result.completed,
    lockWaitShare,
    valid,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchScale();
}
