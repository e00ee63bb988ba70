import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { waitUntil } from './support/wait-until.js';

/** The nodes of a split deployment share one subject-hash key. */
const SHARED_SUBJECT_KEY = 'subject-hash-key-shared-by-the-nodes';
const OPENAPI = '{"openapi":"3.1.0","info":{"title":"Tra cứu giấy phép xây dựng","version":"1"}}';

/**
 * A production-shaped pair: an admin node and an exchange-only node that polls the signed configuration
 * from it, signed with its node key and pinned to the registry key. A revoked grant stops working within
 * one poll; getOpenAPI is answered from the registry over the same signed channel.
 */
describe('exchange-only node fed by the signed configuration', () => {
  let dataDir = '';
  let provider: Server;
  let providerUrl = '';
  const processes: CangProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-nodes-'));
    provider = createServer((req, res) => {
      req.resume();
      res.end('{"ok":true}');
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const p of processes) await p.kill('SIGKILL');
    provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a grant published by the registry and refuses it within one poll after revocation', async () => {
    // 1. The admin node (registry, admin API), and its configuration key.
    const admin = await startCang(dataDir, { CANG_ROLE: 'admin', CANG_SUBJECT_HASH_KEY: SHARED_SUBJECT_KEY });
    processes.push(admin);
    const registryKey = /Registry key \S+:\s+(\S+)/.exec(runCang(dataDir, ['keys']).stdout)?.[1];
    expect(registryKey).toBeDefined();

    const login = await fetch(`${admin.adminUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: admin.adminPassword }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const write = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${admin.adminUrl}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          'x-requested-with': 'cang-console',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.status === 204 ? {} : ((await response.json()) as Record<string, string>);
    };
    await write('POST', '/organisations/VN-HP/GOV/SXD/systems', {
      code: 'HTTT-CPXD',
      name: 'Cấp phép xây dựng',
    });
    const service = await write('POST', '/organisations/VN-HP/GOV/SXD/systems/HTTT-CPXD/services', {
      code: 'tra-cuu-giay-phep',
      name: 'Tra cứu giấy phép xây dựng',
      baseUrl: providerUrl,
      openapi: OPENAPI,
    });
    await write('POST', '/organisations/VN-HP/GOV/STC/systems', {
      code: 'HTTT-NS',
      name: 'Quản lý ngân sách',
    });
    const client = 'VN-HP/GOV/STC/HTTT-NS';
    const { token } = await write('POST', '/organisations/VN-HP/GOV/STC/systems/HTTT-NS/credentials', {});
    const grant = await write('POST', '/grants', { client, service: service.id });

    // 2. An exchange-only node on the same store, polling every second, with the registry key pinned.
    const exchange = await startCang(dataDir, {
      CANG_ROLE: 'exchange',
      CANG_SUBJECT_HASH_KEY: SHARED_SUBJECT_KEY,
      CANG_NODE_ID: 'hp-node-2',
      CANG_REGISTRY_URL: `${admin.adminUrl}/api/v1/config/snapshot`,
      CANG_REGISTRY_PUBLIC_KEY: registryKey!,
      CANG_CONFIG_POLL_SECONDS: '1',
      // The test provider runs on loopback beside the nodes; a split deployment refuses that by default.
      CANG_ALLOW_LOOPBACK_PROVIDERS: 'true',
    });
    processes.push(exchange);
    const call = () =>
      fetch(`${exchange.exchangeUrl}/r1/${service.id}/giay-phep/123`, {
        headers: { 'x-cang-client': client, authorization: `Bearer ${token}` },
      });
    await waitUntil(async () => (await call()).status === 200, 'the grant is served');

    // 3. getOpenAPI: the snapshot carries no documents; the node fetches this one from the registry, signed.
    const [system, code] = [service.id!.slice(0, service.id!.lastIndexOf('/')), service.id!.split('/').pop()];
    const openapi = await fetch(`${exchange.exchangeUrl}/r1/${system}/getOpenAPI?serviceCode=${code}`, {
      headers: { 'x-cang-client': client, authorization: `Bearer ${token}` },
    });
    expect(openapi.status).toBe(200);
    expect(await openapi.json()).toEqual(JSON.parse(OPENAPI));

    // 4. Revoke the grant on the admin node: the exchange node refuses it after its next poll.
    await write('DELETE', `/grants/${grant.id}`);
    await waitUntil(async () => (await call()).status === 403, 'the revoked grant is refused');
    const refused = await call();
    expect(refused.headers.get('x-cang-error')).toBe('access-denied');
  }, 120_000);
});
