import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogMeasures } from './catalog-measures.js';
import {
  ACTOR,
  buildCatalog,
  buildDataset,
  type CatalogFixture,
  DIALECTS,
  publishPair,
  STP,
} from './test-support/catalog-fixtures.js';

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
  });
}
