import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SystemInput } from './system-schemas.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildGrant,
  buildOrganisation,
  buildRegistry,
  expectCangError,
  expectRefused,
  pointersOf,
} from './test-support/registry-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`information systems on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      await fx.registry.organisations.create(ACTOR, buildOrganisation({ code: 'SXD', name: 'Sở Xây dựng' }));
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates, lists, renames and deletes a system', async () => {
      const created = await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SXD', {
        code: 'HTTT-CBCC',
        name: 'Hệ thống quản lý cán bộ'.normalize('NFD'),
      });
      expect(created).toMatchObject({
        id: 'VN-HP/GOV/SXD/HTTT-CBCC',
        organisation: 'VN-HP/GOV/SXD',
        name: 'Hệ thống quản lý cán bộ'.normalize('NFC'),
      });
      const page = await fx.registry.systems.list('VN-HP/GOV/SXD');
      expect(page).toEqual({ items: [created], nextCursor: null });
      const renamed = await fx.registry.systems.update(ACTOR, created.id, { name: 'Một cửa' });
      expect(renamed.name).toBe('Một cửa');
      await fx.registry.systems.delete(ACTOR, created.id);
      await expectCangError(fx.registry.systems.get(created.id), 'not-found');
    });

    it('names each bad field and refuses a system of an unknown organisation', async () => {
      const error = await expectCangError(
        fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SXD', { code: '-x', name: '' } as SystemInput),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/code', '/name']);
      await expectCangError(
        fx.registry.systems.create(ACTOR, 'VN-HP/GOV/NONE', { code: 'A', name: 'A' }),
        'not-found',
      );
      await expectCangError(fx.registry.systems.list('VN-HP/GOV/NONE'), 'not-found');
    });

    it('refuses a duplicate system with conflict', async () => {
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SXD', { code: 'A', name: 'A' });
      await expectRefused(
        fx,
        () => fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SXD', { code: 'A', name: 'B' }),
        'conflict',
      );
    });

    it('refuses to delete a system that provides services or holds grants', async () => {
      const pair = await buildExchangePair(fx.registry);
      const providerError = await expectRefused(
        fx,
        () => fx.registry.systems.delete(ACTOR, pair.provider),
        'conflict',
      );
      expect(providerError.message).toMatch(/1 service/);
      const grant = await fx.registry.grants.create(ACTOR, buildGrant(pair));
      const clientError = await expectRefused(
        fx,
        () => fx.registry.systems.delete(ACTOR, pair.client),
        'conflict',
      );
      expect(clientError.message).toMatch(/1 grant/);
      await fx.registry.grants.delete(ACTOR, grant.id);
      await fx.registry.credentials.issueToken(ACTOR, pair.client, {});
      await fx.registry.systems.delete(ACTOR, pair.client);
      // Its credentials went with it.
      expect(await fx.store.db.selectFrom('credentials').selectAll().execute()).toEqual([]);
    });
  });
}
