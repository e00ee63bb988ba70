import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import type { AuditActor } from '../store/index.js';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from './test-support/expect-refusal.js';

const ACTOR: AuditActor = { id: 'system:test', remoteAddress: null };
const ORG = 'VN-HP/GOV/STP';
const SYSTEM_PATH = `/api/v1/organisations/${ORG}/systems/HOTICH`;
const SERVICE_PATH = `${SYSTEM_PATH}/services/khai-sinh`;
const ALLOW_LIST_PATH = `/api/v1/organisations/${ORG}/provider-allow-list`;
const INSIDE = 'https://api.hotich.stp.haiphong.gov.vn/v1';

for (const dialect of DIALECTS) {
  describe(`the provider allow-list on ${dialect}`, () => {
    let api: ApiHarness | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    /** Organisation STP with a system and a service inside its allow-list; sessions of both kinds of administrator. */
    async function start() {
      api = await startApi(dialect);
      const harness = api;
      await harness.registry.organisations.create(ACTOR, {
        memberClass: 'GOV',
        code: 'STP',
        name: 'Sở Tư pháp',
      });
      await harness.registry.systems.create(ACTOR, ORG, { code: 'HOTICH', name: 'Hộ tịch' });
      const platformAdmin = await harness.sessionFor('boss', [{ role: 'platform-admin' }]);
      const orgAdmin = await harness.sessionFor('minh', [{ role: 'org-admin', scope: ORG }]);
      const put = await harness.call(
        'PUT',
        ALLOW_LIST_PATH,
        { cookie: platformAdmin },
        {
          entries: [
            { address: '*.STP.haiphong.gov.vn', ports: [443] },
            { address: '10.20.0.0/16', ports: null },
          ],
        },
      );
      expect(put.status, await put.clone().text()).toBe(200);
      expect((await readJson<{ entries: unknown[] }>(put)).entries).toEqual([
        { address: '*.stp.haiphong.gov.vn', ports: [443] },
        { address: '10.20.0.0/16', ports: null },
      ]);
      const created = await harness.call(
        'POST',
        `${SYSTEM_PATH}/services`,
        { cookie: orgAdmin },
        { code: 'khai-sinh', name: 'Tra cứu khai sinh', baseUrl: INSIDE },
      );
      expect(created.status, await created.clone().text()).toBe(201);
      return { harness, platformAdmin, orgAdmin };
    }

    it('refuses an org admin a base URL outside the allow-list with 403 naming /baseUrl, and writes nothing', async () => {
      const { harness, orgAdmin } = await start();
      const outside = [
        'http://169.254.169.254/latest/meta-data',
        'http://127.0.0.1:8080/api/v1',
        'http://[::ffff:127.0.0.1]:8081/metrics',
        'https://api.hotich.stp.haiphong.gov.vn:8443', // inside by name, not on an allowed port
        'https://other-agency.internal.example',
        'http://10.30.0.1',
      ];
      await expectNothingWritten(harness.store, ['services', 'provider_allow_list'], async () => {
        for (const baseUrl of outside) {
          const changed = await harness.call('PATCH', SERVICE_PATH, { cookie: orgAdmin }, { baseUrl });
          const problem = await expectRefusal(changed, 403, 'forbidden');
          expect(
            problem.errors?.map((e) => e.pointer),
            baseUrl,
          ).toEqual(['/baseUrl']);
          const created = await harness.call(
            'POST',
            `${SYSTEM_PATH}/services`,
            { cookie: orgAdmin },
            { code: 'moi', name: 'Mới', baseUrl },
          );
          await expectRefusal(created, 403, 'forbidden');
        }
      });
    });

    it('lets an org admin point a service inside the allow-list and rename it without a check', async () => {
      const { harness, orgAdmin } = await start();
      const inside = await harness.call(
        'PATCH',
        SERVICE_PATH,
        { cookie: orgAdmin },
        { baseUrl: 'http://10.20.3.4:9000' },
      );
      expect(inside.status, await inside.clone().text()).toBe(200);
      const renamed = await harness.call('PATCH', SERVICE_PATH, { cookie: orgAdmin }, { name: 'Khai sinh' });
      expect(renamed.status).toBe(200);
    });

    it('lets only a platform administrator go outside the allow-list or change it', async () => {
      const { harness, platformAdmin, orgAdmin } = await start();
      const outside = await harness.call(
        'PATCH',
        SERVICE_PATH,
        { cookie: platformAdmin },
        { baseUrl: 'https://hotich.partner.example' },
      );
      expect(outside.status).toBe(200);
      await expectNothingWritten(harness.store, ['provider_allow_list'], async () => {
        const widened = await harness.call(
          'PUT',
          ALLOW_LIST_PATH,
          { cookie: orgAdmin },
          { entries: [{ address: '169.254.0.0/16', ports: null }] },
        );
        await expectRefusal(widened, 403, 'forbidden');
        await expectRefusal(
          await harness.call('PUT', ALLOW_LIST_PATH, {}, { entries: [] }),
          401,
          'unauthenticated',
        );
      });
      const read = await harness.call('GET', ALLOW_LIST_PATH, { cookie: orgAdmin });
      expect((await readJson<{ entries: unknown[] }>(read)).entries).toHaveLength(2);
    });

    it('names each malformed entry', async () => {
      const { harness, platformAdmin } = await start();
      await expectNothingWritten(harness.store, ['provider_allow_list'], async () => {
        const refused = await harness.call(
          'PUT',
          ALLOW_LIST_PATH,
          { cookie: platformAdmin },
          {
            entries: [
              { address: '10.0.0.0/33', ports: null },
              { address: 'bad name!', ports: null },
              { address: 'ok.example.vn', ports: [443] },
              { address: 'OK.example.vn', ports: null },
            ],
          },
        );
        const problem = await expectRefusal(refused, 400, 'validation-failed');
        expect(problem.errors?.map((e) => e.pointer)).toEqual([
          '/entries/0/address',
          '/entries/1/address',
          '/entries/3/address',
        ]);
      });
    });

    it('publishes the allow-lists in the snapshot the exchange runs from', async () => {
      const { harness } = await start();
      const snapshot = await harness.registry.buildSnapshot({ expiresInSeconds: 60 });
      expect(snapshot.providerAllowLists).toEqual([
        {
          organisation: ORG,
          entries: [
            { address: '*.stp.haiphong.gov.vn', ports: [443] },
            { address: '10.20.0.0/16', ports: null },
          ],
        },
      ]);
    });
  });
}
