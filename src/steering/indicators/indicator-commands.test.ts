import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  auditCount,
  buildFixture,
  buildIndicator,
  DIALECTS,
  expectCangError,
  type IndicatorFixture,
  pointersOf,
} from '../test-support/steering-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`indicator definitions on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates, reads, lists and updates an indicator with targets per level, audited', async () => {
      const created = await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          baseline: { value: 35, year: 2021 },
          targets: [
            { level: 'city', year: 2025, target: 90 },
            { level: 'district', year: 2022, target: 50 },
            { level: 'city', year: 2022, target: 60 },
          ],
        }),
      );
      expect(created).toMatchObject({
        code: 'CQS-03',
        unit: '%',
        direction: 'up',
        weight: 1,
        baseline: { value: 35, year: 2021 },
        measure: null,
        targets: [
          { level: 'city', year: 2022, target: 60 },
          { level: 'district', year: 2022, target: 50 },
          { level: 'city', year: 2025, target: 90 },
        ],
      });
      expect(await fx.indicators.get('CQS-03')).toEqual(created);
      expect((await fx.indicators.list()).map((indicator) => indicator.code)).toEqual(['CQS-03']);

      const updated = await fx.indicators.update(SECRETARIAT, 'CQS-03', {
        weight: 2,
        baseline: null,
        note: 'Ghi chú',
      });
      expect(updated).toMatchObject({ weight: 2, baseline: null, note: 'Ghi chú' });
      const retargeted = await fx.indicators.setTargets(SECRETARIAT, 'CQS-03', [
        { level: '*', year: 2024, target: 75 },
      ]);
      expect(retargeted.targets).toEqual([{ level: '*', year: 2024, target: 75 }]);
      expect(await auditCount(fx.store.db, 'indicator.create')).toBe(1);
      expect(await auditCount(fx.store.db, 'indicator.update')).toBe(1);
      expect(await auditCount(fx.store.db, 'indicator.targets')).toBe(1);
    });

    it('stores names as NFC', async () => {
      const nfd = 'Tỷ lệ hồ sơ'.normalize('NFD');
      const created = await fx.indicators.create(SECRETARIAT, buildIndicator({ name: nfd }));
      expect(created.name).toBe('Tỷ lệ hồ sơ'.normalize('NFC'));
    });

    it('refuses a taken code with conflict and writes no audit entry', async () => {
      await fx.indicators.create(SECRETARIAT, buildIndicator());
      await expectCangError(fx.indicators.create(SECRETARIAT, buildIndicator()), 'conflict');
      expect(await auditCount(fx.store.db, 'indicator.create')).toBe(1);
    });

    it('names every bad field of an indicator', async () => {
      const error = await expectCangError(
        fx.indicators.create(SECRETARIAT, {
          ...buildIndicator(),
          code: 'cqs 3',
          direction: 'sideways',
          levels: ['province'],
          weight: 0,
        } as never),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(
        expect.arrayContaining(['/code', '/direction', '/levels/0', '/weight']),
      );
    });

    it('refuses a target for a level the indicator does not apply to, and a duplicate target', async () => {
      const error = await expectCangError(
        fx.indicators.create(
          SECRETARIAT,
          buildIndicator({
            levels: ['city'],
            targets: [
              { level: 'district', year: 2022, target: 50 },
              { level: 'city', year: 2022, target: 60 },
              { level: 'city', year: 2022, target: 70 },
            ],
          }),
        ),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/targets/0/level', '/targets/2']);
    });

    it('refuses to drop a level that still has targets', async () => {
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({ targets: [{ level: 'district', year: 2022, target: 50 }] }),
      );
      const error = await expectCangError(
        fx.indicators.update(SECRETARIAT, 'CQS-03', { levels: ['city'] }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/levels']);
    });

    it('answers not-found for an unknown indicator', async () => {
      await expectCangError(fx.indicators.get('XYZ-01'), 'not-found');
      await expectCangError(fx.indicators.setTargets(SECRETARIAT, 'XYZ-01', []), 'not-found');
    });
  });
}
