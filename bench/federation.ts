/**
 * Federation throughput and latency on loopback, 1 KiB JSON answers, with the load generator, connections
 * and provider of the exchange benchmark. Two real Cảng instances run in their own processes on SQLite
 * (synchronous=FULL, group commit), trusting each other through their anchors: the city (VN-HP) and the
 * national platform (VN). Measured one after another in the same run: (a) a local call, consumer → the
 * city's exchange → provider; (b) a cross-instance call, consumer → the city's exchange → mutual TLS → the
 * national exchange → provider, each side authenticating, checking its policy and grant and logging the
 * call in its own chain. Prints ratios; the last line is machine-readable. BENCH_SECONDS sets the measured
 * seconds per target (default 10, after a 2 s warm-up); BENCH_CONNECTIONS the connections (default 50);
 * BENCH_CPU_PROF={dir} profiles both nodes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createStore } from '../src/store/index.js';
import { CITY, type FederationNodeInfo, NATIONAL } from './support/federation-instances.js';
import { driveLoad, printLoad } from './support/load.js';
import { type BenchProcess, processCpuSeconds, startProcess } from './support/processes.js';
import { positiveEnv } from './support/positive-env.js';

const TARGET_RATIO = 0.5;
const TARGET_P99_RATIO = 2.5;
const SUPPORT = join(import.meta.dirname, 'support');

/** A node's log entries by status, optionally only those whose `column` names the partner instance. */
async function countEntries(
  info: FederationNodeInfo,
  partnerColumn?: { readonly column: 'client_id' | 'service_id'; readonly instance: string },
): Promise<{ entries: number; byStatus: Record<string, number> }> {
  const store = createStore({ sqliteFile: join(info.dataDir, 'cang.sqlite') });
  try {
    let query = store.db
      .selectFrom('log_entries')
      .select(['status', sql<number>`count(*)`.as('n')])
      .where('node_id', '=', info.nodeId);
    if (partnerColumn !== undefined) {
      query = query.where(partnerColumn.column, 'like', `${partnerColumn.instance}/%`);
    }
    const rows = await query.groupBy('status').execute();
    const byStatus: Record<string, number> = {};
    let entries = 0;
    for (const row of rows) {
      byStatus[String(row.status)] = Number(row.n);
      entries += Number(row.n);
    }
    return { entries, byStatus };
  } finally {
    await store.close();
  }
}

/** Runs the local then the cross-instance call and prints one line each, the ratios and the BENCH line. */
export async function benchFederation(): Promise<void> {
  const seconds = positiveEnv('BENCH_SECONDS', 10);
  const connections = Math.floor(positiveEnv('BENCH_CONNECTIONS', 50));
  const load = { connections, seconds };
  console.log(`federation: ${connections} connections, ${seconds} s per target after a 2 s warm-up`);

  const root = mkdtempSync(join(tmpdir(), 'cang-bench-federation-'));
  const profileDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  const provider = await startProcess(join(SUPPORT, 'provider.ts'));
  const started: BenchProcess[] = [provider];
  const dataDirs: string[] = [];
  try {
    // Both instances at once: each waits for the other's anchor, and the city for VN's grant.
    const node = (instance: string) =>
      startProcess(
        join(SUPPORT, 'federation-node.ts'),
        [root, instance, String(provider.port)],
        {},
        nodeArgs,
      );
    const [city, national] = await Promise.all([node(CITY), node(NATIONAL)]);
    started.push(city, national);
    const cityInfo = JSON.parse(city.info) as FederationNodeInfo;
    const nationalInfo = JSON.parse(national.info) as FederationNodeInfo;
    dataDirs.push(cityInfo.dataDir, nationalInfo.dataDir);
    // Every setup call was answered after its entry committed, so these counts are exact.
    const cityBefore = await countEntries(cityInfo);
    const nationalBefore = await countEntries(nationalInfo, { column: 'client_id', instance: CITY });
    const target = (path: string) => `http://127.0.0.1:${city.port}${path}`;

    // (a) The local call.
    const localCpuBefore = processCpuSeconds(city.child.pid) ?? 0;
    const local = await driveLoad('local call', target(cityInfo.localPath!), {
      ...load,
      headers: cityInfo.headers!,
    });
    const localCpu = (processCpuSeconds(city.child.pid) ?? 0) - localCpuBefore;
    printLoad(local);

    // (b) The cross-instance call.
    const cityCpuBefore = processCpuSeconds(city.child.pid) ?? 0;
    const nationalCpuBefore = processCpuSeconds(national.child.pid) ?? 0;
    const cross = await driveLoad('cross-instance call', target(cityInfo.crossPath!), {
      ...load,
      headers: cityInfo.headers!,
    });
    const cityCpu = (processCpuSeconds(city.child.pid) ?? 0) - cityCpuBefore;
    const nationalCpu = (processCpuSeconds(national.child.pid) ?? 0) - nationalCpuBefore;
    printLoad(cross);

    // SIGTERM closes the nodes: every append is committed (and the head sealed) before they exit.
    await city.stop();
    await national.stop();
    const cityAfter = await countEntries(cityInfo);
    const nationalAfter = await countEntries(nationalInfo, { column: 'client_id', instance: CITY });

    const perCall = (cpu: number, calls: number) => `${((cpu * 1e6) / calls).toFixed(0)} µs`;
    console.log(
      `CPU per call: local ${perCall(localCpu, local.completed)} (city), cross-instance ${perCall(cityCpu, cross.completed)} (city) + ${perCall(nationalCpu, cross.completed)} (national)`,
    );

    // Each of the four load runs (warm-up and measured) may end with up to one call per connection in
    // flight: its entry can be committed although the load tool never counted the answer.
    const cityExpected = cityBefore.entries + local.completed + cross.completed;
    const cityExtra = cityAfter.entries - cityExpected;
    const nationalExpected = nationalBefore.entries + cross.completed;
    const nationalExtra = nationalAfter.entries - nationalExpected;
    const logOk =
      cityExtra >= 0 &&
      cityExtra <= 4 * connections &&
      nationalExtra >= 0 &&
      nationalExtra <= 2 * connections;
    const valid =
      local.errors === 0 && local.non2xx === 0 && cross.errors === 0 && cross.non2xx === 0 && logOk;
    console.log(
      `log: ${CITY} ${cityAfter.entries} entries for ${cityExpected} answered calls (${signed(cityExtra)} in flight; statuses ${JSON.stringify(cityAfter.byStatus)}), ` +
        `${NATIONAL} ${nationalAfter.entries} entries of ${CITY}'s calls for ${nationalExpected} (${signed(nationalExtra)} in flight; statuses ${JSON.stringify(nationalAfter.byStatus)})`,
    );

    const ratio = cross.requestsPerSecond / local.requestsPerSecond;
    const p99Ratio = cross.p99Ms / Math.max(local.p99Ms, 0.001);
    console.log(
      `ratios: cross-instance / local ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}), ` +
        `p99 cross-instance / local ${p99Ratio.toFixed(2)} (target ≤ ${TARGET_P99_RATIO})`,
    );
    if (!valid) {
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
      console.log(
        `!!! INVALID RUN: local ${local.errors} errors, ${local.non2xx} non-2xx; cross-instance ${cross.errors} errors, ` +
          `${cross.non2xx} non-2xx; logs ${logOk ? 'complete' : 'incomplete'}`,
      );
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    }
    console.log(
      `BENCH federation rps=${cross.requestsPerSecond.toFixed(0)} local_rps=${local.requestsPerSecond.toFixed(0)} ` +
        `ratio=${ratio.toFixed(2)} p99_ms=${cross.p99Ms.toFixed(1)} local_p99_ms=${local.p99Ms.toFixed(1)} ` +
        `p99_ratio=${p99Ratio.toFixed(2)} target_ratio=${TARGET_RATIO} target_p99_ratio=${TARGET_P99_RATIO}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error('the federation run was invalid (errors, refusals or an incomplete log)');
  } finally {
    for (const child of started.reverse()) await child.stop();
    for (const dir of [...dataDirs, root]) rmSync(dir, { recursive: true, force: true });
  }
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n}`;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchFederation();
}
