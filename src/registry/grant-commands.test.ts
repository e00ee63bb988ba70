import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GrantInput } from './grant-schemas.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildGrant,
  buildRegistry,
  expectCangError,
  expectRefused,
  pointersOf,
} from './test-support/registry-fixtures.js';

const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`grants on ${dialect}`, () => {
    let fx: RegistryFixture;
    let pair: Awaited<ReturnType<typeof buildExchangePair>>;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      pair = await buildExchangePair(fx.registry);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates a narrowed grant with upper-cased, de-duplicated methods', async () => {
      const expiresAt = new Date(fx.clock.at + HOUR).toISOString();
      const grant = await fx.registry.grants.create(
        ACTOR,
        buildGrant(pair, {
          methods: ['get', 'GET', 'head'],
          pathPatterns: ['/ho-so/*', '/thu-tuc/**'],
          quotaPerMinute: 600,
          expiresAt,
        }),
      );
      expect(grant).toMatchObject({
        client: pair.client,
        service: pair.service,
        methods: ['GET', 'HEAD'],
        pathPatterns: ['/ho-so/*', '/thu-tuc/**'],
        quotaPerMinute: 600,
        expiresAt,
        expired: false,
      });
      expect(await fx.registry.grants.get(grant.id)).toEqual(grant);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'grant.create')
        .executeTakeFirstOrThrow();
      expect(audit.resource).toBe(grant.id);
    });

    it('creates an unrestricted grant when nothing narrows it', async () => {
      const grant = await fx.registry.grants.create(ACTOR, buildGrant(pair));
      expect(grant).toMatchObject({
        methods: null,
        pathPatterns: null,
        quotaPerMinute: null,
        expiresAt: null,
      });
    });

    it('names each bad field of a grant', async () => {
      const error = await expectCangError(
        fx.registry.grants.create(ACTOR, {
          client: 'VN-HP/GOV/SNV',
          service: pair.service,
          methods: ['GET', 'FETCH'],
          pathPatterns: ['/ok', '/a/../b', '/**/x'],
          quotaPerMinute: 0,
          expiresAt: new Date(fx.clock.at - HOUR).toISOString(),
        } as GrantInput),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual([
        '/client',
        '/expiresAt',
        '/methods',
        '/pathPatterns/1',
        '/pathPatterns/2',
        '/quotaPerMinute',
      ]);
      const notDate = await expectCangError(
        fx.registry.grants.create(ACTOR, buildGrant(pair, { expiresAt: 'tomorrow' })),
        'validation-failed',
      );
      expect(pointersOf(notDate)).toEqual(['/expiresAt']);
    });

    it('refuses a grant naming a client or service that does not exist', async () => {
      const error = await expectRefused(
        fx,
        () =>
          fx.registry.grants.create(ACTOR, {
            client: 'VN-HP/GOV/SNV/NONE',
            service: 'VN-HP/GOV/STP/HOTICH/none',
          }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/client', '/service']);
      expect(await fx.registry.grants.list()).toEqual({ items: [], nextCursor: null });
    });

    it('lists grants filtered by client and by service', async () => {
      const other = await fx.registry.services.create(ACTOR, pair.provider, {
        code: 'khai-sinh',
        name: 'Khai sinh',
        baseUrl: 'https://provider.example/khai-sinh',
      });
      const first = await fx.registry.grants.create(ACTOR, buildGrant(pair));
      fx.clock.advance(1);
      const second = await fx.registry.grants.create(ACTOR, buildGrant({ ...pair, service: other.id }));
      expect((await fx.registry.grants.list()).items.map((g) => g.id)).toEqual([first.id, second.id]);
      expect((await fx.registry.grants.list({ service: other.id })).items.map((g) => g.id)).toEqual([
        second.id,
      ]);
      expect((await fx.registry.grants.list({ client: pair.client, limit: 1 })).nextCursor).not.toBeNull();
      expect((await fx.registry.grants.list({ client: pair.provider })).items).toEqual([]);
    });

    it('deletes a grant and refuses an unknown one', async () => {
      const grant = await fx.registry.grants.create(ACTOR, buildGrant(pair));
      await fx.registry.grants.delete(ACTOR, grant.id);
      await expectCangError(fx.registry.grants.get(grant.id), 'not-found');
      await expectCangError(fx.registry.grants.delete(ACTOR, grant.id), 'not-found');
    });
  });
}
