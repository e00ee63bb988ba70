import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Responses completed, warm-up included (every one of them is a logged transaction on Cảng). */
  readonly completed: number;
}

/** Drives `connections` keep-alive connections at a URL for `seconds`, after a short warm-up. */
export async function driveLoad(
  name: string,
  url: string,
  options: { connections: number; seconds: number; warmupSeconds?: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url, connections: options.connections, duration, headers: options.headers ?? {} });
  // Warm-up: JIT, connection pools, SQLite page cache. Its refusals and errors count too.
  const warmup = await run(options.warmupSeconds ?? 2);
  const result = await run(options.seconds);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + warmup.errors + warmup.timeouts,
    non2xx: result.non2xx + warmup.non2xx,
    completed: result.requests.total + warmup.requests.total,
  };
}

/** Prints one result as a human-readable line on stdout. */
export function printLoad(result: LoadResult): void {
  console.log(
    `${result.name.padEnd(28)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${result.p50Ms.toFixed(1)} ms   p99 ${result.p99Ms.toFixed(1)} ms   errors ${result.errors}   non-2xx ${result.non2xx}`,
  );
}
