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
  /** With `countBy`: the responses, warm-up included, per value of that header ('' when absent). */
  readonly answeredBy: Readonly<Record<string, number>>;
}

/**
 * Drives `connections` keep-alive connections at a URL for `seconds`, after a short warm-up. `countBy`
 * names a response header (lower case) whose values are counted, e.g. the node a balancer chose.
 */
export async function driveLoad(
  name: string,
  url: string,
  options: {
    connections: number;
    seconds: number;
    warmupSeconds?: number;
    headers?: Record<string, string>;
    countBy?: string;
  },
): Promise<LoadResult> {
  const answeredBy: Record<string, number> = {};
  const countBy = options.countBy;
  // A response whose headers have all arrived was answered. autocannon's 'headers' event carries
  // http-parser-js's parse (the raw headers, names and values alternating), not the object its types
  // declare.
  const count = (parsed: { headers: string[] }): void => {
    let value = '';
    for (let i = 0; i < parsed.headers.length; i += 2) {
      if (parsed.headers[i]!.toLowerCase() === countBy) value = parsed.headers[i + 1]!;
    }
    answeredBy[value] = (answeredBy[value] ?? 0) + 1;
  };
  const run = (duration: number) =>
    autocannon({
      url,
      connections: options.connections,
      duration,
      headers: options.headers ?? {},
      ...(countBy === undefined
        ? {}
        : {
            setupClient: (client) =>
              client.on('headers', (parsed) => count(parsed as unknown as { headers: string[] })),
          }),
    });
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
    answeredBy,
  };
}

/** Prints one result as a human-readable line on stdout. */
export function printLoad(result: LoadResult): void {
  console.log(
    `${result.name.padEnd(28)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${result.p50Ms.toFixed(1)} ms   p99 ${result.p99Ms.toFixed(1)} ms   errors ${result.errors}   non-2xx ${result.non2xx}`,
  );
}
