import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../src/store/index.js';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { createPostgresDatabase } from './support/dialects.js';
import { grantSampleService } from './support/granted-service.js';
import { waitUntil } from './support/wait-until.js';

/** A worker process starts in a few seconds, much longer on a machine busy with other work. */
const SLOW_START = { timeoutMs: 90_000 };

/** One call on a connection of its own, so that the primary hands each call to the next worker. */
function callOnNewConnection(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The worker processes of a primary, by worker index, read from /proc (their CANG_EXCHANGE_WORKER). */
function workerPids(primary: number): Map<number, number> {
  const children = readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim();
  const workers = new Map<number, number>();
  for (const pid of children === '' ? [] : children.split(' ').map(Number)) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const index = environ.find((entry) => entry.startsWith('CANG_EXCHANGE_WORKER='))?.split('=')[1];
      if (index !== undefined) workers.set(Number(index), pid);
    } catch {
      // Exited between the listing and the read.
    }
  }
  return workers;
}

/**
 * An exchange node with two worker processes on PostgreSQL: each worker is a node of its own with its
 * own chain, calls land on both, every chain verifies, a killed worker is restarted and continues its
 * chain, and SIGTERM to the primary stops the workers after they committed their logs.
 */
describe('exchange node with two worker processes', { timeout: 180_000 }, () => {
  let dataDir = '';
  let databaseUrl = '';
  let provider: Server;
  let providerUrl = '';
  let cang: CangProcess;
  let store: Store;
  let headers: Record<string, string> = {};
  let serviceUrl = '';

  const entriesByNode = async () => {
    const rows = await store.db
      .selectFrom('log_entries')
      .select(['node_id', sql<number>`count(*)`.as('n'), sql<number>`max(seq)`.as('last')])
      .groupBy('node_id')
      .execute();
    return new Map(rows.map((row) => [row.node_id, { n: Number(row.n), last: Number(row.last) }]));
  };
  const verify = () => runCang(dataDir, ['log', 'verify'], { CANG_DATABASE_URL: databaseUrl });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-workers-'));
    databaseUrl = await createPostgresDatabase();
    provider = createServer((req, res) => {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end('{"giayPhep":"GP-001"}');
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    cang = await startCang(dataDir, {
      CANG_DATABASE_URL: databaseUrl,
      CANG_EXCHANGE_WORKERS: '2',
      // The sample organisations, without the sample exchange's calls.
      CANG_SEED_SAMPLE: 'true',
      CANG_SAMPLE_EXCHANGE: 'false',
    });
    store = createStore({ postgresUrl: databaseUrl });

    const granted = await grantSampleService(cang.adminUrl, cang.adminPassword!, providerUrl);
    headers = granted.headers;
    serviceUrl = `${cang.exchangeUrl}${granted.path}`;
    // Each worker takes the grant within one configuration poll: wait until both answer with it.
    await waitUntil(
      async () => {
        const statuses = await Promise.all(
          Array.from({ length: 6 }, () => callOnNewConnection(serviceUrl, headers)),
        );
        return statuses.every((status) => status === 200);
      },
      'both workers serve the grant',
      SLOW_START,
    );
  }, 120_000);

  afterAll(async () => {
    await cang?.kill('SIGKILL');
    await store?.close();
    provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves calls from both workers, each on its own chain, and every chain verifies', async () => {
    const before = await entriesByNode();
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => callOnNewConnection(serviceUrl, headers)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const after = await entriesByNode();
    const grew = ['hp-node-1-w1', 'hp-node-1-w2'].map(
      (node) => (after.get(node)?.n ?? 0) - (before.get(node)?.n ?? 0),
    );
    expect(grew.every((n) => n > 0)).toBe(true);
    expect(grew[0]! + grew[1]!).toBe(40);
    // Both workers are nodes in the registry, each with its own key, so verification walks both chains.
    const verified = verify();
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('hp-node-1-w1');
    expect(verified.stdout).toContain('hp-node-1-w2');
  });

  it('answers a scrape with the calls of every worker, whichever worker it reaches', async () => {
    const total = async () => {
      const text = await (await fetch(`${cang.exchangeUrl}/metrics`)).text();
      return [...text.matchAll(/^cang_exchange_requests_total\{[^}]*\} (\d+)$/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    };
    const start = await total();
    await Promise.all(Array.from({ length: 10 }, () => callOnNewConnection(serviceUrl, headers)));
    // Counted when each call ends, just after its answer: wait for all ten, on every scrape alike.
    await waitUntil(async () => (await total()) === start + 10, 'the scrape counts all ten calls');
    expect(await total()).toBe(start + 10);
  });

  it('restarts a killed worker, which continues its own chain', async () => {
    const first = workerPids(cang.child.pid!);
    expect([...first.keys()].sort()).toEqual([1, 2]);
    const lastBefore = (await entriesByNode()).get('hp-node-1-w1')!.last;
    process.kill(first.get(1)!, 'SIGKILL');
    await waitUntil(
      () => {
        const pid = workerPids(cang.child.pid!).get(1);
        return pid !== undefined && pid !== first.get(1);
      },
      'the primary restarts worker 1',
      SLOW_START,
    );
    // Calls go on; the restarted worker appends after its last committed entry.
    await waitUntil(
      async () => {
        await Promise.all(Array.from({ length: 6 }, () => callOnNewConnection(serviceUrl, headers)));
        return (await entriesByNode()).get('hp-node-1-w1')!.last > lastBefore;
      },
      'the restarted worker logs again',
      SLOW_START,
    );
    expect(workerPids(cang.child.pid!).get(2)).toBe(first.get(2));
    const verified = verify();
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  });

  it('stops every worker on SIGTERM, their logs committed and sealed', async () => {
    const workers = [...workerPids(cang.child.pid!).values()];
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => cang.child.once('exit', (code) => resolve(code)));
    cang.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(existsSync(`/proc/${pid}`)).toBe(false);
    const verified = runCang(dataDir, ['log', 'verify', '--require-sealed'], {
      CANG_DATABASE_URL: databaseUrl,
    });
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  });
});
