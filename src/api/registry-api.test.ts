import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from './test-support/expect-refusal.js';

const A = 'VN-HP/GOV/SNV';
const B = 'VN-HP/GOV/STP';
const B_SERVICE = `${B}/HOTICH/khai-sinh`;
const B_SYSTEM_PATH = `/api/v1/organisations/${B}/systems/HOTICH`;
const B_SERVICE_PATH = `${B_SYSTEM_PATH}/services/khai-sinh`;

const EXTERNAL_PLATFORM = {
  kind: 'api-key',
  origin: 'https://hotich.example',
  header: 'X-API-Key',
  secret: 'api-key-of-the-city',
};

/** Registers organisations A and B, a system in each and a service in B, as a platform administrator. */
async function seed(api: ApiHarness, admin: string): Promise<{ grantId: string }> {
  const post = async (path: string, body: unknown) => {
    const response = await api.call('POST', path, { cookie: admin }, body);
    expect(response.status, `${path} ${await response.clone().text()}`).toBe(201);
    return readJson<{ id: string }>(response);
  };
  await post('/api/v1/organisations', { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' });
  await post('/api/v1/organisations', { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
  await post(`/api/v1/organisations/${A}/systems`, { code: 'HRM', name: 'Quản lý cán bộ' });
  await post(`/api/v1/organisations/${B}/systems`, { code: 'HOTICH', name: 'Hộ tịch' });
  await post(`${B_SYSTEM_PATH}/services`, {
    code: 'khai-sinh',
    name: 'Tra cứu khai sinh',
    baseUrl: 'https://hotich.example/api',
  });
  const grant = await post('/api/v1/grants', { client: `${A}/HRM`, service: B_SERVICE });
  return { grantId: grant.id };
}

/** Every registry write, each aimed at organisation B's resources, with a body that passes the schema. */
function writesOnB(grantId: string): [string, string, unknown][] {
  return [
    ['POST', '/api/v1/organisations', { memberClass: 'GOV', code: 'SXD', name: 'Sở Xây dựng' }],
    ['PATCH', `/api/v1/organisations/${B}`, { name: 'Renamed' }],
    ['DELETE', `/api/v1/organisations/${B}`, undefined],
    ['POST', `/api/v1/organisations/${B}/systems`, { code: 'NEW', name: 'New' }],
    ['PATCH', B_SYSTEM_PATH, { name: 'Renamed' }],
    ['DELETE', `${B_SYSTEM_PATH}`, undefined],
    ['POST', `${B_SYSTEM_PATH}/services`, { code: 'x', name: 'X', baseUrl: 'https://x.example' }],
    ['PATCH', B_SERVICE_PATH, { enabled: false }],
    ['DELETE', B_SERVICE_PATH, undefined],
    ['POST', `${B_SYSTEM_PATH}/credentials`, { label: 'stolen' }],
    ['POST', `${B_SYSTEM_PATH}/credentials/certificates`, { certificate: 'x' }],
    ['DELETE', `${B_SYSTEM_PATH}/credentials/some-id`, undefined],
    ['PUT', `${B_SYSTEM_PATH}/external-platform`, EXTERNAL_PLATFORM],
    ['DELETE', `${B_SYSTEM_PATH}/external-platform`, undefined],
    ['POST', '/api/v1/grants', { client: `${A}/HRM`, service: B_SERVICE }],
    ['DELETE', `/api/v1/grants/${grantId}`, undefined],
    ['POST', '/api/v1/nodes', { id: 'rogue', name: 'Rogue node' }],
    ['POST', '/api/v1/nodes/hp-1/keys', { publicKey: 'MCowBQYDK2VwAyEA' }],
    ['DELETE', '/api/v1/nodes/hp-1/keys/abc', undefined],
  ];
}

for (const dialect of DIALECTS) {
  describe(`admin API registry authorization on ${dialect}`, () => {
    let api: ApiHarness | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    it('refuses every registry write on organisation B to the org-admin of A (403) and to no session (401)', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const orgAdminA = await api.sessionFor('lan', [{ role: 'org-admin', scope: A }]);
      const { grantId } = await seed(api, admin);
      const harness = api;
      // Nothing changed on B's side: every registry table holds the same rows, and nothing was audited.
      const registryTables = ['organisations', 'systems', 'services', 'grants', 'credentials'] as const;
      await expectNothingWritten(harness.store, registryTables, async () => {
        for (const [method, path, body] of writesOnB(grantId)) {
          const refused = await harness.call(method, path, { cookie: orgAdminA }, body);
          const problem = await expectRefusal(refused, 403, 'forbidden');
          expect(problem.detail, `${method} ${path}`).not.toContain(B);
          await expectRefusal(await harness.call(method, path, {}, body), 401, 'unauthenticated');
        }
      });
      const service = await api.call('GET', B_SERVICE_PATH, {
        cookie: orgAdminA,
      });
      expect((await readJson<{ enabled: boolean }>(service)).enabled).toBe(true);
    });

    it('lets the org-admin of B manage its own services and grants, recorded with actor and address', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const orgAdminB = await api.sessionFor('minh', [{ role: 'org-admin', scope: B }]);
      const { grantId } = await seed(api, admin);
      const patch = await api.call('PATCH', B_SERVICE_PATH, { cookie: orgAdminB }, { timeoutMs: 5000 });
      expect(patch.status).toBe(200);
      expect((await api.call('DELETE', `/api/v1/grants/${grantId}`, { cookie: orgAdminB })).status).toBe(204);
      const token = await api.call(
        'POST',
        `${B_SYSTEM_PATH}/credentials`,
        { cookie: orgAdminB },
        { label: 'app 1' },
      );
      expect(token.status).toBe(201);
      expect((await readJson<{ token: string }>(token)).token.length).toBeGreaterThan(20);

      const minh = await api.store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'minh')
        .executeTakeFirstOrThrow();
      const audit = await readJson<{
        items: { action: string; actor: string; actorName: string; remoteAddress: string }[];
      }>(await api.call('GET', `/api/v1/audit?actor=${minh.id}`, { cookie: admin }));
      const actions = audit.items.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['service.update', 'grant.delete', 'session.create']));
      expect(audit.items.every((e) => e.actorName === 'minh' && e.remoteAddress === '127.0.0.1')).toBe(true);
      const auditRefused = await api.call('GET', '/api/v1/audit', { cookie: orgAdminB });
      await expectRefusal(auditRefused, 403, 'forbidden');
    });

    it('lets only a platform administrator bind an external platform, and never returns its secret', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const orgAdminB = await api.sessionFor('minh', [{ role: 'org-admin', scope: B }]);
      await seed(api, admin);
      const path = `${B_SYSTEM_PATH}/external-platform`;
      const harness = api;
      await expectNothingWritten(harness.store, ['external_platforms', 'systems'], async () => {
        const refused = await harness.call('PUT', path, { cookie: orgAdminB }, EXTERNAL_PLATFORM);
        await expectRefusal(refused, 403, 'forbidden');
      });
      await expectRefusal(await api.call('GET', path, { cookie: orgAdminB }), 404, 'not-found');

      const bad = await api.call(
        'PUT',
        path,
        { cookie: admin },
        { kind: 'oauth2-client-credentials', origin: 'https://hotich.example', secret: 's' },
      );
      const problem = await expectRefusal(bad, 400, 'validation-failed');
      expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(['/clientId', '/tokenUrl']);

      const set = await api.call('PUT', path, { cookie: admin }, EXTERNAL_PLATFORM);
      expect(set.status).toBe(200);
      expect(set.headers.get('cache-control')).toBe('no-store');
      const shown = await set.text();
      expect(shown).not.toContain(EXTERNAL_PLATFORM.secret);
      expect(JSON.parse(shown)).toMatchObject({ kind: 'api-key', header: 'X-API-Key', secretSet: true });
      const read = await api.call('GET', path, { cookie: orgAdminB });
      expect(read.status).toBe(200);
      expect(await read.text()).not.toContain(EXTERNAL_PLATFORM.secret);
      await expectNothingWritten(harness.store, ['external_platforms'], async () => {
        const removedByOrgAdmin = await harness.call('DELETE', path, { cookie: orgAdminB });
        await expectRefusal(removedByOrgAdmin, 403, 'forbidden');
      });
      expect((await api.call('GET', path, { cookie: admin })).status).toBe(200);
      expect((await api.call('DELETE', path, { cookie: admin })).status).toBe(204);
      expect((await api.call('GET', path, { cookie: admin })).status).toBe(404);
    });
  });
}
