import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  buildFixture,
  DIALECTS,
  type IndicatorFixture,
} from '../../test-support/steering-fixtures.js';
import { SAMPLE_EVIDENCE } from './haiphong-indicators.js';
import { seedIndicatorSample } from './seed-indicator-sample.js';

for (const dialect of DIALECTS) {
  describe(`indicator sample seed on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('seeds the real indicators and targets, EXC indicators and marked sample values, once', async () => {
      const now = () => Date.parse('2025-06-15T03:00:00Z');
      const first = await seedIndicatorSample({ db: fx.store.db, now }, SECRETARIAT);
      expect(first.indicatorsCreated).toBe(16);
      expect(first.valuesCreated).toBeGreaterThan(20);
      const cqs03 = await fx.indicators.get('CQS-03');
      expect(cqs03.targets).toContainEqual({ level: 'district', year: 2025, target: 80 });
      expect(cqs03.targets).toContainEqual({ level: 'commune', year: 2022, target: 30 });
      expect((await fx.indicators.get('EXC-01')).measure).toBe('exchange-transactions');
      expect((await fx.indicators.get('DM-01')).measure).toBe('catalog-shared-entries');
      const values = await fx.indicators.listValues({ limit: 1000 });
      expect(values.items.every((value) => value.evidenceNote === SAMPLE_EVIDENCE)).toBe(true);
      expect(new Set(values.items.map((value) => value.period))).toEqual(
        new Set(['2022', '2023', '2024', '2025']),
      );
      expect(values.items.some((value) => value.unitId === 'UBND-HP')).toBe(true);

      const second = await seedIndicatorSample({ db: fx.store.db, now }, SECRETARIAT);
      expect(second).toEqual({ indicatorsCreated: 0, valuesCreated: 0 });
      expect((await fx.indicators.listValues({ limit: 1000 })).items).toHaveLength(values.items.length);
      const board = await fx.indicators.ranking('2024');
      expect(board.units[0]!.index).toBeGreaterThan(0);
    });
  });
}
