import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACTOR,
  buildCatalog,
  buildDataService,
  buildDataset,
  type CatalogFixture,
  DIALECTS,
  expectCangError,
  pointersOf,
  SNV,
} from './test-support/catalog-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`catalog entries on ${dialect}`, () => {
    let fx: CatalogFixture;
    beforeEach(async () => {
      fx = await buildCatalog(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates a draft with NFC text, upper-cased formats and its first revision', async () => {
      const nfd = 'Cơ sở dữ liệu hộ tịch'.normalize('NFD');
      const entry = await fx.catalog.entries.create(ACTOR, buildDataset({ title: nfd }));
      expect(entry).toMatchObject({
        title: 'Cơ sở dữ liệu hộ tịch',
        state: 'draft',
        revision: 1,
        publisherName: 'Sở Tư pháp',
        distributions: [{ format: 'API', url: 'https://hotich.haiphong.example/api' }],
      });
      expect(entry.title).toBe(entry.title.normalize('NFC'));
      const [first] = await fx.catalog.entries.revisions(entry.id);
      expect(first).toMatchObject({ revision: 1, actor: ACTOR.id, action: 'create' });
      expect(first!.changes.title).toEqual({ from: null, to: 'Cơ sở dữ liệu hộ tịch' });
    });

    it('records who changed what, field by field, in the history and the audit trail', async () => {
      const entry = await fx.catalog.entries.create(ACTOR, buildDataset());
      fx.clock.advance(1000);
      const editor = { id: 'user:editor', remoteAddress: null };
      await fx.catalog.entries.update(editor, entry.id, { title: 'Dữ liệu hộ tịch', keywords: ['hộ tịch'] });
      fx.clock.advance(1000);
      await fx.catalog.entries.transition(editor, entry.id, { state: 'published' });
      const history = await fx.catalog.entries.revisions(entry.id);
      expect(history.map((r) => [r.revision, r.action, r.actor])).toEqual([
        [1, 'create', ACTOR.id],
        [2, 'update', 'user:editor'],
        [3, 'publish', 'user:editor'],
      ]);
      expect(history[1]!.changes).toEqual({
        title: { from: 'Cơ sở dữ liệu hộ tịch điện tử', to: 'Dữ liệu hộ tịch' },
        keywords: { from: ['hộ tịch', 'khai sinh'], to: ['hộ tịch'] },
      });
      expect(history[2]!.changes).toEqual({ state: { from: 'draft', to: 'published' } });
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('resource', '=', entry.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'catalog-entry.create',
        'catalog-entry.update',
        'catalog-entry.publish',
      ]);
    });

    it('names each bad field of an entry at once', async () => {
      const error = await expectCangError(
        fx.catalog.entries.create(ACTOR, {
          ...buildDataService({ exchangeService: `${SNV}/CBCC/khong-co` }),
          focalOfficer: { name: 'Lan', position: 'Chuyên viên', phone: 'abc', email: 'not-an-email' },
          temporalStart: '2025-01-01',
          temporalEnd: '2024-01-01',
          classification: 'secret' as 'open',
        }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/classification', '/focalOfficer/email', '/focalOfficer/phone']);
      const semantic = await expectCangError(
        fx.catalog.entries.create(ACTOR, {
          ...buildDataService({ exchangeService: `${SNV}/CBCC/khong-co` }),
          temporalStart: '2025-01-01',
          temporalEnd: '2024-01-01',
        }),
        'validation-failed',
      );
      expect(pointersOf(semantic)).toEqual(['/exchangeService', '/temporalEnd']);
      const noService = await expectCangError(
        fx.catalog.entries.create(ACTOR, buildDataset({ kind: 'service' })),
        'validation-failed',
      );
      expect(pointersOf(noService)).toEqual(['/exchangeService']);
    });

    it('refuses a data service pointing at another organisation’s exchange service', async () => {
      const error = await expectCangError(
        fx.catalog.entries.create(ACTOR, buildDataService({ publisher: SNV })),
        'validation-failed',
      );
      expect(error.errors?.[0]).toEqual({
        pointer: '/exchangeService',
        detail: 'the exchange service must belong to the publisher',
      });
    });

    it('links datasets and services many-to-many and shows both directions', async () => {
      const service = await fx.catalog.entries.create(ACTOR, buildDataService());
      const a = await fx.catalog.entries.create(ACTOR, buildDataset({ services: [service.id] }));
      const b = await fx.catalog.entries.create(
        ACTOR,
        buildDataset({ title: 'Khai sinh', services: [service.id] }),
      );
      expect(a.services).toEqual([service.id]);
      expect((await fx.catalog.entries.get(service.id)).datasets).toEqual([a.id, b.id].sort());
      const bad = await expectCangError(
        fx.catalog.entries.create(ACTOR, buildDataset({ services: [a.id, 'missing'] })),
        'validation-failed',
      );
      expect(pointersOf(bad)).toEqual(['/services/0', '/services/1']);
    });

    it('follows the lifecycle and refuses steps it does not allow with 409', async () => {
      const entry = await fx.catalog.entries.create(ACTOR, buildDataset());
      await expectCangError(
        fx.catalog.entries.transition(ACTOR, entry.id, { state: 'deprecated' }),
        'conflict',
      );
      await fx.catalog.entries.transition(ACTOR, entry.id, { state: 'published' });
      await fx.catalog.entries.transition(ACTOR, entry.id, { state: 'deprecated' });
      const retired = await fx.catalog.entries.transition(ACTOR, entry.id, { state: 'retired' });
      expect(retired.state).toBe('retired');
      await expectCangError(
        fx.catalog.entries.transition(ACTOR, entry.id, { state: 'published' }),
        'conflict',
      );
      await expectCangError(fx.catalog.entries.update(ACTOR, entry.id, { title: 'Mới' }), 'conflict');
      expect((await fx.catalog.entries.get(entry.id)).revision).toBe(4);
    });
  });
}
