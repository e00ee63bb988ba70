import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogMeasures } from './catalog-measures.js';
import {
  ACTOR,
  buildCatalog,
  buildDataset,
  type CatalogFixture,
  DIALECTS,
  publishPair,
  SNV,
  SNV_SYSTEM,
  STP,
} from './test-support/catalog-fixtures.js';
import { workingCalendarOf, type YearSchedule } from '../core/index.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`catalog measures for steering on ${dialect}`, () => {
    let fx: CatalogFixture;
    beforeEach(async () => {
      fx = await buildCatalog(dialect);
    });
    afterEach(() => fx.store.close());

    it('counts shared entries and open datasets per publisher as of the period end', async () => {
      await publishPair(fx);
      const open = await fx.catalog.entries.create(
        ACTOR,
        buildDataset({ classification: 'open', title: 'Dữ liệu mở' }),
      );
      await fx.catalog.entries.transition(ACTOR, open.id, { state: 'published' });
      await fx.catalog.entries.create(ACTOR, buildDataset({ title: 'Bản nháp chưa công bố' }));
      const measures = catalogMeasures(fx.store);
      const year = { startMs: fx.clock.at - 86_400_000, endMs: fx.clock.at + 86_400_000 };
      expect(await measures['catalog-shared-entries']!(year, fx.clock.at)).toEqual(new Map([[STP, 3]]));
      expect(await measures['catalog-open-datasets']!(year, fx.clock.at)).toEqual(new Map([[STP, 1]]));
      // Before anything was published, nothing counts.
      const before = { startMs: 0, endMs: fx.clock.at - 1 };
      expect(await measures['catalog-shared-entries']!(before, fx.clock.at)).toEqual(new Map());
    });

    it('measures the share of requests answered within 2 working days, in the calendar as it stands', async () => {
      const { service } = await publishPair(fx);
      const ask = () =>
        fx.catalog.sharingRequests.create(ACTOR, {
          entry: service,
          requester: SNV,
          clientSystem: SNV_SYSTEM,
          purpose: 'Xác minh hộ tịch',
          legalBasis: 'Nghị định 47/2020/NĐ-CP',
          fieldsNeeded: ['họ tên'],
          durationDays: 30,
          submit: true,
        });
      const start = fx.clock.at;
      // Tuesday 1/12: due Thursday 3/12, refused on Friday 4/12 (late).
      const late = await ask();
      fx.clock.advance(3 * DAY);
      await fx.catalog.sharingRequests.refuse(ACTOR, late.id, { reason: 'Muộn', legalBasis: 'NĐ 47/2020' });
      // Friday 4/12: due Tuesday 8/12 across the weekend, approved then (on time).
      const onTime = await ask();
      fx.clock.advance(4 * DAY);
      await fx.catalog.sharingRequests.approve(ACTOR, onTime.id, {});
      const official: YearSchedule[] = [];
      const measure = catalogMeasures(fx.store, async () => workingCalendarOf(official))[
        'catalog-requests-on-time'
      ]!;
      const period = { startMs: start, endMs: fx.clock.at + 1 };
      expect(await measure(period, fx.clock.at)).toEqual(new Map([[STP, 50]]));
      // An official schedule making Thursday 3/12 a day off, entered later, changes the measure.
      official.push({
        year: 2026,
        source: 'official',
        basis: 'Quyết định thử nghiệm',
        daysOff: [{ date: '2026-12-03', name: 'Ngày nghỉ thử nghiệm' }],
        workingDays: [],
      });
      expect(await measure(period, fx.clock.at)).toEqual(new Map([[STP, 100]]));
    });
  });
}
