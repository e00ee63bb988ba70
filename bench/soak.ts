/**
 * Memory of an exchange-only node under sustained load: the compiled node of the exchange benchmark,
 * driven at BENCH_CONNECTIONS (default 50) for BENCH_SOAK_SECONDS (default 300), its resident set sampled
 * every BENCH_SOAK_SAMPLE_SECONDS (default 10). Prints the samples, the least-squares slope of the second
 * half (after the heap has grown to its working size) and `BENCH soak` with the peak against 200 MB.
 */
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdminNodeInfo } from './support/cang-admin-node.js';
import { compileBuild } from './support/compiled-build.js';
import { NODE_SCRIPTS } from './exchange.js';
import { type BenchProcess, processPeakRssMb, processRssMb, startProcess } from './support/processes.js';
import { positiveEnv } from './support/positive-env.js';

const TARGET_RSS_MB = 200;

/** MB per minute of a least-squares line through (seconds, MB) samples. */
function slopePerMinute(samples: readonly (readonly [number, number])[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = samples.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = samples.reduce((sum, [, y]) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of samples) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return denominator === 0 ? 0 : (numerator / denominator) * 60;
}

/** Runs the soak and prints its samples and the BENCH soak line. */
export async function benchSoak(): Promise<void> {
  const seconds = positiveEnv('BENCH_SOAK_SECONDS', 300);
  const every = positiveEnv('BENCH_SOAK_SAMPLE_SECONDS', 10);
  const connections = Math.floor(positiveEnv('BENCH_CONNECTIONS', 50));
  console.log(`soak: ${connections} connections for ${seconds} s, RSS every ${every} s`);
  const build = await compileBuild(NODE_SCRIPTS);
  const support = join(import.meta.dirname, 'support');
  const started: BenchProcess[] = [];
  let dataDir: string | null = null;
  try {
    const provider = await startProcess(join(support, 'provider.ts'));
    started.push(provider);
    const admin = await startProcess(build.script(NODE_SCRIPTS[0]!), [String(provider.port)]);
    started.push(admin);
    const info = JSON.parse(admin.info) as AdminNodeInfo;
    dataDir = info.dataDir;
    const node = await startProcess(build.script(NODE_SCRIPTS[1]!), ['bench-soak-node', admin.info]);
    started.push(node);
    const pid = node.child.pid;
    const idle = processRssMb(pid) ?? Number.NaN;
    console.log(`idle RSS ${idle.toFixed(0)} MB`);

    const samples: [number, number][] = [];
    const startedAt = performance.now();
    const sampler = setInterval(() => {
      const at = (performance.now() - startedAt) / 1000;
      const rss = processRssMb(pid) ?? Number.NaN;
      samples.push([at, rss]);
      console.log(`t=${at.toFixed(0).padStart(4)} s  rss=${rss.toFixed(1)} MB`);
    }, every * 1000);
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: `http://127.0.0.1:${node.port}${info.path}`,
        connections,
        duration: seconds,
        headers: info.headers,
      });
    } finally {
      clearInterval(sampler);
    }
    const peak = processPeakRssMb(pid) ?? Number.NaN;
    const slope = slopePerMinute(samples.slice(Math.floor(samples.length / 2)));
    const failed = result.errors + result.timeouts + result.non2xx;
    const valid = failed === 0 && peak < TARGET_RSS_MB;
    console.log(
      `${result.requests.total} calls (${result.requests.average.toFixed(0)} req/s), ${failed} failed; ` +
        `slope of the second half ${slope.toFixed(2)} MB/min`,
    );
    console.log(
      `BENCH soak seconds=${seconds} connections=${connections} rps=${result.requests.average.toFixed(0)} ` +
        `idle_rss_mb=${idle.toFixed(0)} peak_rss_mb=${peak.toFixed(0)} slope_mb_per_min=${slope.toFixed(2)} ` +
        `target_rss_mb=${TARGET_RSS_MB}${valid ? '' : ' valid=false'}`,
    );
    if (!valid) throw new Error(`the soak failed calls or went over ${TARGET_RSS_MB} MB`);
  } finally {
    for (const child of started.reverse()) await child.stop();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchSoak();
}
