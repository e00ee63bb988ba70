import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  buildFixture,
  buildIndicator,
  DIALECTS,
  expectCangError,
  type IndicatorFixture,
} from '../test-support/steering-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`scores and rankings on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
      // CQS-03: up, targets by level; carried forward from 2022 to 2024.
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          targets: [
            { level: 'city', year: 2022, target: 60 },
            { level: 'department', year: 2022, target: 60 },
            { level: 'district', year: 2022, target: 50 },
          ],
        }),
      );
      // ATT-01: down (fewer incidents is better), weight 3, a target for every level.
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          code: 'ATT-01',
          name: 'Số sự cố an toàn thông tin',
          unit: 'sự cố',
          direction: 'down',
          weight: 3,
          targets: [{ level: '*', year: 2024, target: 4 }],
        }),
      );
      // XHS-03: no target before 2025, so it does not count in 2024.
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          code: 'XHS-03',
          name: 'Chữ ký số',
          targets: [{ level: '*', year: 2025, target: 50 }],
        }),
      );
      const put = (code: string, unit: string, value: number) =>
        fx.indicators.putValue(SECRETARIAT, code, unit, '2024', { value });
      await put('CQS-03', 'SNV', 45); // 45/60 = 0.75
      await put('ATT-01', 'SNV', 8); // 4/8 = 0.5
      await put('CQS-03', 'STP', 66); // clamped to 1
      await put('ATT-01', 'STP', 2); // 4/2 → 1
      await put('XHS-03', 'STP', 10); // no target: left out
      await put('CQS-03', 'Q-LECHAN', 40); // 40/50 = 0.8; ATT-01 missing → 0
      await put('CQS-03', 'Q-NGOQUYEN', 40);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('explains every score with its components', async () => {
      const board = await fx.indicators.scores('2024', { unitIds: ['SNV'] });
      const snv = board.units[0]!;
      expect(snv.index).toBeCloseTo((1 * 0.75 + 3 * 0.5) / 4, 6);
      expect(snv.components).toEqual([
        {
          indicatorCode: 'ATT-01',
          actual: 8,
          target: 4,
          ratio: 0.5,
          attainment: 0.5,
          weight: 3,
          rule: 'ratio',
        },
        {
          indicatorCode: 'CQS-03',
          actual: 45,
          target: 60,
          ratio: 0.75,
          attainment: 0.75,
          weight: 1,
          rule: 'ratio',
        },
        {
          indicatorCode: 'XHS-03',
          actual: null,
          target: null,
          ratio: null,
          attainment: null,
          weight: 0,
          rule: 'no-target',
        },
      ]);
      expect(snv).toMatchObject({ counted: 2, reported: 2 });
    });

    it('ranks units by index within their level, ties sharing a rank, missing values counting 0', async () => {
      const ranking = await fx.indicators.ranking('2024');
      const byUnit = Object.fromEntries(ranking.units.map((unit) => [unit.unitId, unit]));
      expect(byUnit.STP).toMatchObject({ rank: 1, index: 1 });
      expect(byUnit.SNV).toMatchObject({ rank: 2, index: 0.5625 });
      // Districts rank among districts, though their index is below the departments'.
      expect(byUnit['Q-LECHAN']).toMatchObject({ rank: 1, index: 0.2, reported: 1 });
      expect(byUnit['Q-NGOQUYEN']).toMatchObject({ rank: 1, index: 0.2 });
      // Units without any value still rank, with the indicators they missed counted 0.
      expect(byUnit['UBND-HP']).toMatchObject({ rank: 1, index: 0, reported: 0 });
      expect(ranking.units.map((unit) => unit.kind)).toEqual([
        'city',
        ...ranking.units.filter((unit) => unit.kind === 'department').map(() => 'department'),
        'district',
        'district',
      ]);
    });

    it('ranks one kind of unit, and leaves out units that did not exist in the period', async () => {
      const districts = await fx.indicators.ranking('2024', { kind: 'district' });
      expect(districts.units.map((unit) => [unit.unitId, unit.rank])).toEqual([
        ['Q-LECHAN', 1],
        ['Q-NGOQUYEN', 1],
      ]);
      const after = await fx.indicators.ranking('2025-Q2', { kind: 'department' });
      expect(after.units.map((unit) => unit.unitId)).not.toContain('SKHDT');
    });

    it('refuses a malformed period', async () => {
      await expectCangError(fx.indicators.scores('2024-Q9'), 'validation-failed');
    });
  });
}
