import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_DEFAULTS, validateConfig } from '../src/core/index.js';
import type { CallResult } from '../src/exchange/test-support/exchange-harness.js';
import { expectRefusal } from '../src/exchange/test-support/expect-refusal.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { AuditActor } from '../src/store/index.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './support/embedded-postgres.js';
import { waitUntil } from './support/wait-until.js';

const actor: AuditActor = { id: 'test:database-away', remoteAddress: null };

async function callResult(response: Response): Promise<CallResult> {
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body,
    json: () => JSON.parse(body.toString('utf8')),
  };
}

/**
 * An exchange node on PostgreSQL whose database goes away: it answers 503 log-store-unavailable before
 * authentication, forwards nothing, counts the refusals, reports not ready; once the database is back it
 * is ready again and the next call is forwarded and logged. The server is this test's own, so stopping it
 * disturbs no other test.
 */
describe('exchange node while its database is away', () => {
  let postgres: EmbeddedPostgres;
  let provider: Server;
  let providerHits = 0;
  let running: RunningServer;
  let dataDir = '';
  let callUrl = '';
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({ user: 'cang', password: 'cang-away' });
    provider = createServer((req, res) => {
      providerHits++;
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end('{"hoTen":"Trần Thị Bình"}');
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    const providerPort = (provider.address() as { port: number }).port;
    dataDir = mkdtempSync(join(tmpdir(), 'cang-db-away-'));
    running = await startServer(
      validateConfig({
        dataDir,
        databaseUrl: postgres.url,
        role: 'all',
        host: '127.0.0.1',
        adminPort: 0,
        publicUrl: 'http://localhost',
        exchangePort: 0,
        instance: 'VN-HP',
        nodeId: 'hp-node-away',
        logLevel: 'silent',
        seedSample: false,
        allowLoopbackProviders: true,
        exchange: { ...EXCHANGE_DEFAULTS },
      }),
    );
    const { registry } = running.platform;
    await registry.organisations.create(actor, { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
    await registry.organisations.create(actor, {
      memberClass: 'GOV',
      code: 'CAP',
      name: 'Công an thành phố',
    });
    const providerSystem = await registry.systems.create(actor, 'VN-HP/GOV/CAP', {
      code: 'HTTT-CUTRU',
      name: 'Quản lý cư trú',
    });
    const service = await registry.services.create(actor, providerSystem.id, {
      code: 'tra-cuu-cu-tru',
      name: 'Tra cứu thông tin cư trú',
      baseUrl: `http://127.0.0.1:${providerPort}`,
    });
    const client = await registry.systems.create(actor, 'VN-HP/GOV/STP', {
      code: 'HTTT-LLTP',
      name: 'Lý lịch tư pháp',
    });
    const { token } = await registry.credentials.issueToken(actor, client.id, { label: 'kiểm thử' });
    await registry.grants.create(actor, { client: client.id, service: service.id });
    callUrl = `${running.exchangeUrl}/r1/${service.id}/cong-dan/001090000123`;
    headers = { 'x-cang-client': client.id, authorization: `Bearer ${token}` };
    await waitUntil(
      async () => (await fetch(callUrl, { headers }).then(callResult)).status === 200,
      'served',
    );
  });

  afterAll(async () => {
    await running?.close();
    provider.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async () => callResult(await fetch(callUrl, { headers }));
  const ready = async () => (await fetch(`${running.exchangeUrl}/health/ready`)).status;
  const refusalsCounted = async () => {
    const text = await (await fetch(`${running.exchangeUrl}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('cang_exchange_requests_total{') && l.includes('error_code="log-store-unavailable"'),
      );
    return line === undefined ? 0 : Number(line.split(' ').pop());
  };
  const logged = async (id: string) =>
    (await running.platform.store.db
      .selectFrom('log_entries')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined;

  it('refuses with 503 log-store-unavailable without forwarding, and serves and logs again once it is back', async () => {
    // 1. The database goes away; the balancer's readiness probe is the first to notice.
    await postgres.pause();
    expect(await ready()).toBe(503);

    // 2. Calls are refused before authentication (a wrong token gets the same answer), never forwarded.
    const hitsBefore = providerHits;
    const refused = await call();
    expectRefusal(refused, 503, 'log-store-unavailable');
    const unauthenticated = callResult(
      await fetch(callUrl, { headers: { ...headers, authorization: 'Bearer sai-ma' } }),
    );
    expectRefusal(await unauthenticated, 503, 'log-store-unavailable');
    expect(providerHits).toBe(hitsBefore);
    expect(await refusalsCounted()).toBe(2);

    // 3. The database comes back on the same port: the node is ready again by itself.
    await postgres.resume();
    await waitUntil(async () => (await ready()) === 200, 'the node is ready again');
    const served = await call();
    expect(served.status).toBe(200);
    expect(providerHits).toBe(hitsBefore + 1);
    // Answered only after its entry was committed, so it is there now.
    expect(await logged(served.headers['x-cang-id'] as string)).toBe(true);
    expect(await logged(refused.headers['x-cang-id'] as string)).toBe(false);
  }, 60_000);

  it('turns away the calls after the first commit that fails, with no probe needed', async () => {
    await postgres.pause();
    // 1. Not yet known: this call is forwarded, its record cannot be committed, so its answer is withheld
    // (the connection is closed) rather than given unlogged.
    await expect(fetch(callUrl, { headers }).then((r) => r.arrayBuffer())).rejects.toThrow();
    // 2. From that failed commit on, nothing is forwarded.
    const hitsBefore = providerHits;
    expectRefusal(await call(), 503, 'log-store-unavailable');
    expect(providerHits).toBe(hitsBefore);
    // 3. Back by itself (its own retry, not a readiness probe), then served.
    await postgres.resume();
    await waitUntil(async () => (await call()).status === 200, 'calls are served again');
  }, 60_000);
});
