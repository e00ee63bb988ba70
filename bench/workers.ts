/**
 * Exchange throughput with 1 and 2 exchange worker processes (CANG_EXCHANGE_WORKERS), in one run, on a
 * PostgreSQL started here: one all-in-one `cang start` per worker count on the same database, the full
 * path (token authentication, grant, durable chained log) against a 1 KiB provider, and the bare undici
 * proxy of the same run as the baseline. The load generator shares the machine's cores with the node, so
 * on a 2-core machine the second worker competes with it: the figures show the gain that is left, not
 * the curve on a dedicated machine. CPU is counted over the primary and its workers together.
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50) as for the exchange benchmark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { exchangeWorkerNodeId } from '../src/core/index.js';
import { createStore } from '../src/store/index.js';
import { startCang } from '../test/support/cang-process.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import { grantSampleService, type GrantedService } from '../test/support/granted-service.js';
import { driveLoad, type LoadResult, printLoad } from './support/load.js';
import { processCpuSeconds, startProcess } from './support/processes.js';
import { positiveEnv } from './support/positive-env.js';

const SUPPORT = join(import.meta.dirname, 'support');
const WORKER_COUNTS = [1, 2] as const;
/** `cang start`'s default node id; its workers are nodes of their own beside it. */
const NODE_ID = 'hp-node-1';

/** CPU seconds of a process and its children (the primary and its workers), from /proc. */
function treeCpuSeconds(pid: number): number {
  let children: number[] = [];
  try {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    children = listed === '' ? [] : listed.split(' ').map(Number);
  } catch {
    // Gone: counted as nothing.
  }
  return (processCpuSeconds(pid) ?? 0) + children.reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}

/** One worker count's figures. */
interface WorkersRun {
  readonly workers: number;
  readonly result: LoadResult;
  readonly cpuMicrosPerCall: number;
  readonly logged: number;
  readonly chains: number;
}

/** Runs the baseline and each worker count, prints their figures and the BENCH line. */
export async function benchWorkers(): Promise<void> {
  const load = {
    connections: Math.floor(positiveEnv('BENCH_CONNECTIONS', 50)),
    seconds: positiveEnv('BENCH_SECONDS', 10),
  };
  console.log(
    `exchange-workers: ${load.connections} connections, ${load.seconds} s per target after a 2 s warm-up`,
  );
  const postgres = await startEmbeddedPostgres({ user: 'cang', password: 'cang-bench-workers' });
  const provider = await startProcess(join(SUPPORT, 'provider.ts'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cang-bench-workers-'));
  try {
    const providerUrl = `http://127.0.0.1:${provider.port}`;
    const proxy = await startProcess(join(SUPPORT, 'bare-proxy.ts'), [String(provider.port)]);
    let bare: LoadResult;
    let bareCpu: number;
    try {
      const before = treeCpuSeconds(proxy.child.pid!);
      bare = await driveLoad('bare undici proxy', `http://127.0.0.1:${proxy.port}/api/households/1`, load);
      bareCpu = ((treeCpuSeconds(proxy.child.pid!) - before) * 1e6) / bare.completed;
    } finally {
      await proxy.stop();
    }
    printLoad(bare);

    const runs: WorkersRun[] = [];
    let granted: GrantedService | undefined;
    for (const workers of WORKER_COUNTS) {
      const run = await runWorkers(
        workers,
        { dataDir, postgresUrl: postgres.url, providerUrl, load },
        granted,
      );
      runs.push(run);
      granted ??= run.granted;
    }
    console.log(`CPU per call: bare proxy ${bareCpu.toFixed(0)} µs`);
    const [one, two] = runs as [WorkersRun, WorkersRun];
    // Every call answered and logged, on as many chains as there were workers.
    const valid = runs.every(
      (r) =>
        r.result.errors === 0 &&
        r.result.non2xx === 0 &&
        r.logged >= r.result.completed &&
        r.chains === r.workers,
    );
    const figures = (r: WorkersRun) =>
      `workers=${r.workers} rps=${r.result.requestsPerSecond.toFixed(0)} p99_ms=${r.result.p99Ms.toFixed(1)} ` +
      `ratio_vs_bare_proxy=${(r.result.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} ` +
      `cpu_us_per_call=${r.cpuMicrosPerCall.toFixed(0)}`;
    console.log(
      `BENCH exchange-workers ${figures(one)} ${figures(two)} ` +
        `scaling_2_vs_1=${(two.result.requestsPerSecond / one.result.requestsPerSecond).toFixed(2)} ` +
        `bare_proxy_rps=${bare.requestsPerSecond.toFixed(0)} bare_proxy_p99_ms=${bare.p99Ms.toFixed(1)} ` +
        `bare_proxy_cpu_us_per_call=${bareCpu.toFixed(0)}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error('a workers run had errors, refusals or no log');
  } finally {
    await provider.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One `cang start` with `workers` exchange workers: loads it, stops it, reads what its chains logged. */
async function runWorkers(
  workers: number,
  setup: {
    dataDir: string;
    postgresUrl: string;
    providerUrl: string;
    load: { connections: number; seconds: number };
  },
  granted: GrantedService | undefined,
): Promise<WorkersRun & { granted: GrantedService }> {
  const node = await startCang(setup.dataDir, {
    CANG_DATABASE_URL: setup.postgresUrl,
    CANG_EXCHANGE_WORKERS: String(workers),
    CANG_SEED_SAMPLE: 'true',
    CANG_SAMPLE_EXCHANGE: 'false',
    CANG_LOG_LEVEL: 'error',
  });
  let result: LoadResult;
  let cpuSeconds: number;
  let service: GrantedService;
  try {
    service = granted ?? (await grantSampleService(node.adminUrl, node.adminPassword!, setup.providerUrl));
    const url = `${node.exchangeUrl}${service.path}`;
    // Each worker takes the grant within one configuration poll.
    for (let tries = 0; ; tries++) {
      const answers = await Promise.all(
        Array.from({ length: 4 * workers }, () => fetch(url, { headers: service.headers })),
      );
      if (answers.every((answer) => answer.status === 200)) break;
      if (tries > 200) throw new Error(`the grant is not served: ${answers.map((a) => a.status)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const before = treeCpuSeconds(node.child.pid!);
    result = await driveLoad(`Cảng, ${workers} worker${workers === 1 ? '' : 's'}`, url, {
      ...setup.load,
      headers: service.headers,
    });
    cpuSeconds = treeCpuSeconds(node.child.pid!) - before;
  } finally {
    await node.kill('SIGTERM');
  }
  printLoad(result);
  const nodes =
    workers === 1
      ? [NODE_ID]
      : Array.from({ length: workers }, (_, i) => exchangeWorkerNodeId(NODE_ID, i + 1));
  const store = createStore({ postgresUrl: setup.postgresUrl });
  try {
    const rows = await store.db
      .selectFrom('log_entries')
      .select(['node_id', sql<number>`count(*)`.as('n')])
      .where('node_id', 'in', nodes)
      .groupBy('node_id')
      .execute();
    const logged = rows.reduce((sum, row) => sum + Number(row.n), 0);
    console.log(
      `log: ${logged} entries on ${rows.length} chain(s) (${rows.map((r) => r.node_id).join(', ')})`,
    );
    return {
      workers,
      result,
      cpuMicrosPerCall: (cpuSeconds * 1e6) / result.completed,
      logged,
      chains: rows.length,
      granted: service,
    };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchWorkers();
}
