import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApiClient, logInToAdminApi } from '../src/cli/admin-api-client.js';
import { startDemoMinistryProvider } from '../src/cli/demo-ministry-provider.js';
import { callMinistry, loggedTransactions, postOversizedBody } from '../src/cli/cross-instance-calls.js';
import {
  CITY,
  CITY_CLIENT,
  cityHoldsGrant,
  type FederatingInstance,
  federatingEnv,
  freeLoopbackPort,
  grantCityClient,
  MINISTRY_SERVICE,
  NATIONAL,
  offerMinistryService,
  type TrustedInstances,
  trustEachOther,
} from '../src/cli/trusted-instances.js';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { createPostgresDatabase } from './support/dialects.js';
import { waitUntil } from './support/wait-until.js';

/** One instance as a real `cang start` process, with what a test needs to reach and verify it. */
interface Side {
  readonly settings: FederatingInstance;
  readonly dataDir: string;
  readonly env: Record<string, string>;
  readonly process: CangProcess;
  readonly admin: AdminApiClient;
}

async function startSide(root: string, settings: FederatingInstance, extra: Record<string, string>) {
  const dataDir = join(root, settings.instance);
  const env = { ...federatingEnv(settings), ...extra };
  const process = await startCang(dataDir, env);
  const admin = await logInToAdminApi(process.adminUrl, 'admin', process.adminPassword!);
  return { settings, dataDir, env, process, admin } satisfies Side;
}

/** A Cảng refusal as the caller sees it: status, problem code, and the instance that refused. */
async function expectRefusal(response: Response, status: number, code: string, instance: string) {
  const problem = (await response.json()) as { code?: string; type?: string };
  expect({
    status: response.status,
    code: problem.code,
    type: problem.type,
    header: response.headers.get('x-cang-error'),
    instance: response.headers.get('x-cang-instance'),
  }).toEqual({ status, code, type: `urn:cang:problem:${code}`, header: code, instance });
}

/** `cang log verify` on a side's data directory (and database), as an operator runs it. */
function expectLogVerifies(side: Side): void {
  const verified = runCang(side.dataDir, ['log', 'verify'], side.env);
  expect(verified.stdout, verified.stderr).toContain('OK: ');
  expect(verified.status).toBe(0);
}

/*
 * The city (SQLite) and the national platform (PostgreSQL) as two `cang start` processes on loopback,
 * trusting each other through their admin APIs; their certificates are made from each one's registry key
 * at its first start. What the exchange's in-process tests already refuse (federation-refusals.test.ts)
 * is not repeated here: these are the failures that need a real process on the other side.
 */
describe('two Cảng processes federating', { timeout: 120_000 }, () => {
  let root = '';
  let provider: { server: Server; baseUrl: string };
  let city: Side;
  let national: Side;
  let trusted: TrustedInstances;
  const call = (path: string, init?: Parameters<typeof callMinistry>[4]) =>
    callMinistry(city.process.exchangeUrl, CITY_CLIENT, trusted.tokens.client, path, init);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cang-federation-processes-'));
    provider = await startDemoMinistryProvider();
    national = await startSide(
      root,
      { instance: NATIONAL, nodeId: 'vn-node-1', federationPort: await freeLoopbackPort() },
      { CANG_DATABASE_URL: await createPostgresDatabase() },
    );
    city = await startSide(
      root,
      { instance: CITY, nodeId: 'hp-node-1', federationPort: await freeLoopbackPort() },
      {},
    );
    trusted = await trustEachOther(city.admin, national.admin, provider.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await city?.process.kill();
    await national?.process.kill();
    provider?.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('carries a call across with evidence headers, logged under one id and request hash on both sides', async () => {
    const answer = await call('/cong-dan/031090001234');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ hoTen: 'Phạm Thị Hương', yeuCauBoi: CITY_CLIENT });
    const id = answer.headers.get('x-cang-id')!;
    const requestHash = answer.headers.get('x-cang-request-hash');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(requestHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.headers.get('x-cang-remote-instance')).toBe(NATIONAL);
    expect(answer.headers.get('x-cang-remote-node')).toBe('vn-node-1');
    expect(answer.headers.get('x-cang-remote-request-hash')).toBe(requestHash);

    const home = await loggedTransactions(city.admin, id);
    const far = await loggedTransactions(national.admin, id);
    expect(home).toEqual([
      expect.objectContaining({ nodeId: 'hp-node-1', status: 200, requestHash, serviceId: MINISTRY_SERVICE }),
    ]);
    expect(far).toEqual([
      expect.objectContaining({ nodeId: 'vn-node-1', status: 200, requestHash, clientId: CITY_CLIENT }),
    ]);
    expectLogVerifies(city);
    expectLogVerifies(national);
  });

  it('refuses a body over the limit the partner published with 413 at home, sending nothing across', async () => {
    const refused = await postOversizedBody(city.process.exchangeUrl, trusted.tokens.client);
    const id = refused.headers['x-cang-id'] as string;
    expect({
      status: refused.status,
      code: (JSON.parse(refused.body) as { code?: string }).code,
      header: refused.headers['x-cang-error'],
      instance: refused.headers['x-cang-instance'],
    }).toEqual({ status: 413, code: 'payload-too-large', header: 'payload-too-large', instance: CITY });
    expect(await loggedTransactions(city.admin, id)).toEqual([
      expect.objectContaining({ status: 413, errorCode: 'payload-too-large' }),
    ]);
    expect(await loggedTransactions(national.admin, id)).toEqual([]);
  });

  it("refuses a grant revoked at the provider's side, at the provider's own next snapshot", async () => {
    await national.admin.call('DELETE', `/grants/${trusted.grantId}`);
    // The national platform refuses from its own snapshot, refreshed on the change: the city's copy of its
    // configuration, polled, may still list the grant, and the call still crosses to be refused there.
    let refused: Response | undefined;
    await waitUntil(async () => {
      const response = await call('/cong-dan/031090001234');
      if (response.status === 200) return false;
      refused = response;
      return true;
    }, `${NATIONAL} refuses the revoked grant`);
    const id = refused!.headers.get('x-cang-id')!;
    await expectRefusal(refused!, 403, 'access-denied', NATIONAL);
    expect(await loggedTransactions(national.admin, id)).toEqual([
      expect.objectContaining({ status: 403, errorCode: 'access-denied', clientId: CITY_CLIENT }),
    ]);
    expect(await loggedTransactions(city.admin, id)).toEqual([
      expect.objectContaining({ status: 403, errorCode: 'access-denied' }),
    ]);
    await waitUntil(
      async () => !(await cityHoldsGrant(city.admin, CITY_CLIENT)),
      `${CITY}'s copy of ${NATIONAL}'s configuration drops the grant`,
    );
    // Granted again, for the cases below.
    trusted = { ...trusted, grantId: await grantCityClient(city.admin, national.admin) };
    expect((await call('/cong-dan/031090001234')).status).toBe(200);
  });

  it('stops traffic with a partner once it is removed, and resumes once it is trusted again', async () => {
    await city.admin.call('DELETE', `/federation/partners/${NATIONAL}`);
    let refused: Response | undefined;
    await waitUntil(async () => {
      const response = await call('/cong-dan/031090001234');
      if (response.status === 200) return false;
      refused = response;
      return true;
    }, `${CITY} stops calling ${NATIONAL}`);
    const id = refused!.headers.get('x-cang-id')!;
    await expectRefusal(refused!, 404, 'partner-unknown', CITY);
    expect(await loggedTransactions(national.admin, id)).toEqual([]);

    await city.admin.call('POST', '/federation/partners', trusted.anchors.national);
    await city.admin.call('POST', `/federation/partners/${NATIONAL}/outbound`, { client: CITY_CLIENT });
    await waitUntil(
      () => cityHoldsGrant(city.admin, CITY_CLIENT),
      `${CITY} holds ${NATIONAL}'s configuration`,
    );
    await waitUntil(
      async () => (await call('/cong-dan/031090001234')).status === 200,
      `${CITY} calls ${NATIONAL} again`,
    );
  });

  it('stops traffic from a partner the provider removed, and resumes once it trusts it again', async () => {
    await national.admin.call('DELETE', `/federation/partners/${CITY}`);
    let refused: Response | undefined;
    await waitUntil(async () => {
      const response = await call('/cong-dan/031090001234');
      if (response.status === 200) return false;
      refused = response;
      return true;
    }, `${NATIONAL} stops answering ${CITY}`);
    const id = refused!.headers.get('x-cang-id')!;
    // The national platform no longer knows the city's node: it refuses it, and logs the refusal without
    // taking the client id the unknown node claims.
    await expectRefusal(refused!, 403, 'partner-not-trusted', NATIONAL);
    expect(await loggedTransactions(national.admin, id)).toEqual([
      expect.objectContaining({ status: 403, errorCode: 'partner-not-trusted', clientId: null }),
    ]);
    expect(await loggedTransactions(city.admin, id)).toEqual([
      expect.objectContaining({ status: 403, errorCode: 'partner-not-trusted' }),
    ]);

    // Removing the city took the offer and the grants to its systems too: trusted again, both are made anew.
    await national.admin.call('POST', '/federation/partners', trusted.anchors.city);
    await offerMinistryService(national.admin);
    trusted = { ...trusted, grantId: await grantCityClient(city.admin, national.admin) };
    await waitUntil(
      async () => (await call('/cong-dan/031090001234')).status === 200,
      `${NATIONAL} answers ${CITY} again`,
    );
  });

  it('answers 502 partner-unreachable once the partner process is killed, and both chains verify', async () => {
    await national.process.kill('SIGKILL');
    const refused = await call('/cong-dan/031090001234');
    const id = refused.headers.get('x-cang-id')!;
    await expectRefusal(refused, 502, 'partner-unreachable', CITY);
    expect(await loggedTransactions(city.admin, id)).toEqual([
      expect.objectContaining({ status: 502, errorCode: 'partner-unreachable' }),
    ]);
    expectLogVerifies(city);
    expectLogVerifies(national);
  });
});
