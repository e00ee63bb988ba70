import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrganisationInput } from './organisation-schemas.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildOrganisation,
  buildRegistry,
  expectCangError,
  expectRefused,
  pointersOf,
} from './test-support/registry-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`organisations on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('marks an organisation as ended and clears it; refuses a day that does not exist, naming /validTo', async () => {
      const district = await fx.registry.organisations.create(
        ACTOR,
        buildOrganisation({ code: 'Q-LECHAN', name: 'Quận Lê Chân', validTo: '2025-06-30' }),
      );
      expect(district.validTo).toBe('2025-06-30');
      const reopened = await fx.registry.organisations.update(ACTOR, district.id, { validTo: null });
      expect(reopened.validTo).toBeNull();
      const bad = await expectCangError(
        fx.registry.organisations.update(ACTOR, district.id, { validTo: '2025-02-30' }),
        'validation-failed',
      );
      expect(pointersOf(bad)).toEqual(['/validTo']);
      const shape = await expectCangError(
        fx.registry.organisations.create(ACTOR, buildOrganisation({ code: 'X', validTo: '30/06/2025' })),
        'validation-failed',
      );
      expect(pointersOf(shape)).toEqual(['/validTo']);
      expect((await fx.registry.organisations.get(district.id)).validTo).toBeNull();
      await expect(fx.registry.organisations.get('VN-HP/GOV/X')).rejects.toMatchObject({ code: 'not-found' });
    });

    it('creates, reads, updates and deletes an organisation', async () => {
      const created = await fx.registry.organisations.create(
        ACTOR,
        buildOrganisation({ agencyCode: '000.00.31.H26', adminCode: '31' }),
      );
      expect(created).toMatchObject({
        id: 'VN-HP/GOV/SNV',
        instance: 'VN-HP',
        memberClass: 'GOV',
        code: 'SNV',
        name: 'Sở Nội vụ',
        agencyCode: '000.00.31.H26',
        adminCode: '31',
      });
      expect(await fx.registry.organisations.get('VN-HP/GOV/SNV')).toEqual(created);

      const updated = await fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', {
        name: 'Sở Nội vụ thành phố Hải Phòng',
        agencyCode: null,
      });
      expect(updated).toMatchObject({
        name: 'Sở Nội vụ thành phố Hải Phòng',
        agencyCode: null,
        adminCode: '31',
      });

      await fx.registry.organisations.delete(ACTOR, 'VN-HP/GOV/SNV');
      await expectCangError(fx.registry.organisations.get('VN-HP/GOV/SNV'), 'not-found');
    });

    it('names each bad field in one validation problem', async () => {
      const error = await expectCangError(
        fx.registry.organisations.create(ACTOR, {
          memberClass: 'XYZ',
          code: 'bad code!',
          name: '   ',
          agencyCode: '31.H26',
          adminCode: 'abc',
          colour: 'blue',
        } as unknown as OrganisationInput),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual([
        '/adminCode',
        '/agencyCode',
        '/code',
        '/colour',
        '/memberClass',
        '/name',
      ]);
      expect(await fx.store.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    });

    it('refuses an empty change and an unknown organisation', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      await expectRefused(
        fx,
        () => fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', {}),
        'validation-failed',
      );
      await expectRefused(
        fx,
        () => fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/NONE', { name: 'x' }),
        'not-found',
      );
      await expectCangError(fx.registry.organisations.get('not/an id'), 'bad-request');
    });

    it('stores Vietnamese names as NFC, trimmed', async () => {
      const nfd = '  Ủy ban nhân dân thành phố Hải Phòng '.normalize('NFD');
      expect(nfd).not.toBe(nfd.normalize('NFC'));
      const created = await fx.registry.organisations.create(
        ACTOR,
        buildOrganisation({ code: 'UBND-HP', name: nfd }),
      );
      expect(created.name).toBe('Ủy ban nhân dân thành phố Hải Phòng'.normalize('NFC'));
      const row = await fx.store.db.selectFrom('organisations').select('name').executeTakeFirstOrThrow();
      expect(row.name).toBe('Ủy ban nhân dân thành phố Hải Phòng'.normalize('NFC'));
    });

    it('refuses a duplicate with conflict', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      const error = await expectRefused(
        fx,
        () => fx.registry.organisations.create(ACTOR, buildOrganisation()),
        'conflict',
      );
      expect(error.message).toContain('VN-HP/GOV/SNV');
    });

    it('refuses to delete an organisation that still has systems', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SNV', { code: 'CBCC', name: 'Cán bộ' });
      const error = await expectRefused(
        fx,
        () => fx.registry.organisations.delete(ACTOR, 'VN-HP/GOV/SNV'),
        'conflict',
      );
      expect(error.message).toMatch(/still has 1 information system/);
      expect(await fx.registry.organisations.get('VN-HP/GOV/SNV')).toBeDefined();
    });

    it('pages through organisations in id order with a cursor', async () => {
      for (const code of ['A1', 'B2', 'C3', 'D4', 'E5']) {
        await fx.registry.organisations.create(ACTOR, buildOrganisation({ code, name: code }));
      }
      const first = await fx.registry.organisations.list({ limit: 2 });
      expect(first.items.map((o) => o.code)).toEqual(['A1', 'B2']);
      const second = await fx.registry.organisations.list({ limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((o) => o.code)).toEqual(['C3', 'D4']);
      const last = await fx.registry.organisations.list({ limit: 2, cursor: second.nextCursor! });
      expect(last).toEqual({ items: [expect.objectContaining({ code: 'E5' })], nextCursor: null });
      await expectCangError(fx.registry.organisations.list({ limit: 201 }), 'validation-failed');
      await expectCangError(fx.registry.organisations.list({ cursor: '!!' }), 'validation-failed');
    });

    it('records each change in the audit trail with actor and remote address', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      fx.clock.advance(1);
      await fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', { name: 'Sở Nội vụ mới' });
      fx.clock.advance(1);
      await fx.registry.organisations.delete({ id: 'user:other' }, 'VN-HP/GOV/SNV');
      const rows = await fx.store.db.selectFrom('audit_events').selectAll().orderBy('at').execute();
      expect(rows.map((r) => [r.action, r.resource, r.actor, r.remote_address])).toEqual([
        ['organisation.create', 'VN-HP/GOV/SNV', ACTOR.id, ACTOR.remoteAddress],
        ['organisation.update', 'VN-HP/GOV/SNV', ACTOR.id, ACTOR.remoteAddress],
        ['organisation.delete', 'VN-HP/GOV/SNV', 'user:other', null],
      ]);
      expect(JSON.parse(rows[1]!.details!)).toEqual({ name: 'Sở Nội vụ mới' });
    });

    it('bumps the configuration version once per change and tells the listener after commit', async () => {
      expect(await fx.registry.configVersion()).toBe(0);
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      await fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', { adminCode: '31' });
      expect(await fx.registry.configVersion()).toBe(2);
      expect(fx.changes).toEqual([1, 2]);
      await expectCangError(fx.registry.organisations.create(ACTOR, buildOrganisation()), 'conflict');
      expect(await fx.registry.configVersion()).toBe(2);
      expect(fx.changes).toEqual([1, 2]);
    });

    it('rolls back the change and its audit entry when a later step fails', async () => {
      // 1. Make the version bump, which runs after the change and the audit insert, fail.
      await sql`ALTER TABLE meta RENAME TO meta_away`.execute(fx.store.db);
      // 2. The write fails as a whole…
      // The version bump's own failure, not any other, is what fails the write.
      await expect(fx.registry.organisations.create(ACTOR, buildOrganisation())).rejects.toThrow(/\bmeta\b/);
      // 3. …and neither the organisation nor its audit entry remains.
      expect(await fx.store.db.selectFrom('organisations').selectAll().execute()).toEqual([]);
      expect(await fx.store.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
      expect(fx.changes).toEqual([]);
      await sql`ALTER TABLE meta_away RENAME TO meta`.execute(fx.store.db);
    });
  });
}
