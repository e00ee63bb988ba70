import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildOrganisation,
  buildRegistry,
  buildService,
  expectCangError,
} from './test-support/registry-fixtures.js';

const SAMPLE = { sample: true } as const;
const DAY = 24 * 3_600_000;

for (const dialect of DIALECTS) {
  describe(`sample data in the registry on ${dialect}`, () => {
    let fx: RegistryFixture;
    /** A real pair (client, service) beside a sample one, the sample one granted and holding a token. */
    let real: Awaited<ReturnType<typeof buildExchangePair>>;
    let sample: { client: string; provider: string; service: string; grant: string };
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      real = await buildExchangePair(fx.registry);
      await fx.registry.organisations.create(ACTOR, buildOrganisation({ code: 'SXD', name: 'Sở Xây dựng' }));
      const provider = await fx.registry.systems.create(
        ACTOR,
        'VN-HP/GOV/STP',
        { code: 'HTTT-HOTICH', name: 'Hệ thống hộ tịch (mẫu)' },
        SAMPLE,
      );
      const client = await fx.registry.systems.create(
        ACTOR,
        'VN-HP/GOV/SXD',
        { code: 'HTTT-CAPPHEP', name: 'Hệ thống cấp phép xây dựng (mẫu)' },
        SAMPLE,
      );
      const service = await fx.registry.services.create(
        ACTOR,
        provider.id,
        buildService({ code: 'tra-cuu-ho-tich' }),
        SAMPLE,
      );
      const grant = await fx.registry.grants.create(
        ACTOR,
        { client: client.id, service: service.id, methods: ['GET'] },
        SAMPLE,
      );
      await fx.registry.credentials.issueToken(ACTOR, client.id, { label: 'mẫu' }, SAMPLE);
      sample = { client: client.id, provider: provider.id, service: service.id, grant: grant.id };
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('marks what is created as sample, and only that, in the store and the views', async () => {
      expect(await fx.registry.systems.get(sample.client)).toMatchObject({ sample: true });
      expect(await fx.registry.services.get(sample.service)).toMatchObject({ sample: true });
      expect(await fx.registry.grants.get(sample.grant)).toMatchObject({ sample: true });
      const [credential] = (await fx.registry.credentials.list(sample.client)).items;
      expect(credential).toMatchObject({ sample: true });
      expect(await fx.registry.systems.get(real.client)).not.toHaveProperty('sample');
      expect(await fx.registry.services.get(real.service)).not.toHaveProperty('sample');
      const marked = await fx.store.db.selectFrom('systems').select(['id', 'sample']).orderBy('id').execute();
      expect(marked.filter((row) => row.sample === 1).map((row) => row.id)).toEqual([
        sample.provider,
        sample.client,
      ]);
    });

    it('lets a sample grant carry an expiry in the past, and refuses one to any other grant', async () => {
      const lastMonth = new Date(fx.clock.at - 30 * DAY).toISOString();
      const expired = await fx.registry.grants.create(
        ACTOR,
        { client: sample.client, service: real.service, expiresAt: lastMonth },
        SAMPLE,
      );
      expect(expired).toMatchObject({ expiresAt: lastMonth, expired: true, sample: true });
      await expectCangError(
        fx.registry.grants.create(ACTOR, {
          client: real.client,
          service: real.service,
          expiresAt: lastMonth,
        }),
        'validation-failed',
      );
    });

    it('removes the sample systems, services, grants and credentials in one audited write, leaving the rest', async () => {
      // An operator's grant for a sample client cannot outlive that client: it goes with it, counted.
      await fx.registry.grants.create(ACTOR, { client: sample.client, service: real.service });
      const realGrant = await fx.registry.grants.create(ACTOR, {
        client: real.client,
        service: real.service,
      });
      const versionBefore = await fx.registry.configVersion();

      const removal = await fx.registry.removeSample(ACTOR);

      expect(removal).toEqual({ grants: 2, credentials: 1, services: 1, systems: 2 });
      expect((await fx.registry.grants.list()).items.map((grant) => grant.id)).toEqual([realGrant.id]);
      await expectCangError(fx.registry.systems.get(sample.client), 'not-found');
      await expectCangError(fx.registry.services.get(sample.service), 'not-found');
      expect(await fx.registry.services.get(real.service)).toMatchObject({ id: real.service });
      expect(await fx.registry.organisations.get('VN-HP/GOV/SXD')).toMatchObject({ id: 'VN-HP/GOV/SXD' });
      expect(await fx.store.db.selectFrom('credentials').select('id').execute()).toEqual([]);
      // One write: one audit entry and one configuration version, so the exchange drops it all at once.
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'sample.remove')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(String(audit[0]!.details))).toEqual(removal);
      expect(await fx.registry.configVersion()).toBe(versionBefore + 1);
    });

    it('removes nothing, and still answers, when there is no sample data', async () => {
      await fx.registry.removeSample(ACTOR);
      expect(await fx.registry.removeSample(ACTOR)).toEqual({
        grants: 0,
        credentials: 0,
        services: 0,
        systems: 0,
      });
      expect(await fx.registry.systems.get(real.client)).toMatchObject({ id: real.client });
    });
  });
}
