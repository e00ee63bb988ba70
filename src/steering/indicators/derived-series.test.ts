import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSteeringFixture,
  DIALECTS,
  SECRETARIAT,
  buildIndicator,
} from '../test-support/steering-fixtures.js';
import type { Steering } from '../create-steering.js';
import type { UnitInput } from '../unit-schemas.js';
import type { Store } from '../../store/index.js';

const OLD = { kind: 'commune', validFrom: '2021-01-01', validTo: '2025-06-30' } as const;
const NEW = { kind: 'commune', validFrom: '2025-07-01' } as const;
const merged = (successorId: string, extra: Partial<NonNullable<UnitInput['events']>[number]> = {}) => ({
  kind: 'merged' as const,
  date: '2025-07-01',
  successorId,
  ...extra,
});

// N-1 is formed from X-A and X-C whole and part of X-B (share 0.4 recorded), all with weights; N-2 from
// the rest of X-B, whose share is not recorded; N-3 from X-D and X-E, whole, with no weights.
const UNITS: UnitInput[] = [
  { id: 'N-1', name: 'Phường Một', ...NEW },
  { id: 'N-2', name: 'Phường Hai', ...NEW },
  { id: 'N-3', name: 'Xã Ba', ...NEW },
  { id: 'X-A', name: 'Phường A', ...OLD, successorId: 'N-1', events: [merged('N-1', { weight: 2000 })] },
  {
    id: 'X-B',
    name: 'Phường B',
    ...OLD,
    events: [merged('N-1', { whole: false, share: 0.4, weight: 3000 }), merged('N-2', { whole: false })],
  },
  { id: 'X-C', name: 'Phường C', ...OLD, successorId: 'N-1', events: [merged('N-1', { weight: 5000 })] },
  { id: 'X-D', name: 'Xã D', ...OLD, successorId: 'N-3', events: [merged('N-3')] },
  { id: 'X-E', name: 'Xã E', ...OLD, successorId: 'N-3', events: [merged('N-3')] },
];

const valueCount = async (store: Store) =>
  Number(
    (
      await store.db
        .selectFrom('steering_indicator_values')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of DIALECTS) {
  describe(`a commune's series derived from its predecessors on ${dialect}`, () => {
    let store: Store;
    let steering: Steering;
    const put = (code: string, unit: string, period: string, value: number) =>
      steering.indicators.putValue(SECRETARIAT, code, unit, period, { value });
    beforeEach(async () => {
      ({ store, steering } = await createSteeringFixture(dialect, { seed: false }));
      await steering.units.createMany(SECRETARIAT, UNITS);
      await steering.indicators.create(
        SECRETARIAT,
        buildIndicator({ code: 'HS-01', name: 'Số hồ sơ trực tuyến', unit: 'hồ sơ', levels: ['commune'] }),
      );
      await steering.indicators.create(SECRETARIAT, buildIndicator({ code: 'CQS-03', levels: ['commune'] }));
    });
    afterEach(async () => {
      await store.close();
    });

    it('sums counts, a part by its recorded share, and marks each derived point with its method', async () => {
      for (const [unit, value] of [
        ['X-A', 10],
        ['X-B', 20],
        ['X-C', 5],
      ] as const)
        await put('HS-01', unit, '2024', value);
      await put('HS-01', 'N-1', '2025-H2', 30);
      const series = await steering.indicators.series('HS-01', 'N-1');
      expect(series).toMatchObject({ method: 'sum', validFrom: '2025-07-01' });
      expect(series.methodNote).toContain('tổng');
      expect(series.points.map((p) => [p.period, p.value, p.source, p.derived])).toEqual([
        ['2024', 23, 'derived', true], // 10 + 0.4 × 20 + 5
        ['2025-H2', 30, 'reported', false],
      ]);
      expect(series.points[0]!.contributions).toContainEqual(
        expect.objectContaining({ unitId: 'X-B', whole: false, share: 0.4, value: 20 }),
      );
    });

    it('says not available where a split predecessor has no recorded share, never counting it twice', async () => {
      await put('HS-01', 'X-B', '2024', 20);
      const series = await steering.indicators.series('HS-01', 'N-2');
      expect(series.points).toEqual([
        expect.objectContaining({
          period: '2024',
          value: null,
          source: 'not-available',
          reason: 'share-not-recorded',
        }),
      ]);
    });

    it('says not available when a predecessor has no value for the period', async () => {
      await put('HS-01', 'X-A', '2023', 10);
      await put('HS-01', 'X-C', '2023', 5);
      const [point] = (await steering.indicators.series('HS-01', 'N-1')).points;
      expect(point).toMatchObject({ period: '2023', value: null, reason: 'predecessor-value-missing' });
    });

    it('averages rates by the recorded weights, and without weights says not available', async () => {
      for (const [unit, value] of [
        ['X-A', 50],
        ['X-B', 80],
        ['X-C', 60],
        ['X-D', 40],
        ['X-E', 90],
      ] as const) {
        await put('CQS-03', unit, '2024', value);
      }
      const weighted = await steering.indicators.series('CQS-03', 'N-1');
      expect(weighted.method).toBe('weighted-mean');
      // (50 × 2000 + 80 × 3000 + 60 × 5000) ÷ 10000
      expect(weighted.points).toEqual([
        expect.objectContaining({ period: '2024', value: 64, derived: true }),
      ]);
      const unweighted = await steering.indicators.series('CQS-03', 'N-3');
      expect(unweighted.points).toEqual([
        expect.objectContaining({ period: '2024', value: null, reason: 'weight-not-recorded' }),
      ]);
      // Counts need no weights: the same units' count sums.
      await put('HS-01', 'X-D', '2024', 7);
      await put('HS-01', 'X-E', '2024', 8);
      const counts = await steering.indicators.series('HS-01', 'N-3');
      expect(counts.points).toEqual([expect.objectContaining({ value: 15, source: 'derived' })]);
    });

    it('never stores a derived point: values stay as reported, and the unit still cannot report before it existed', async () => {
      for (const [unit, value] of [
        ['X-A', 10],
        ['X-B', 20],
        ['X-C', 5],
      ] as const)
        await put('HS-01', unit, '2024', value);
      const before = await valueCount(store);
      await steering.indicators.series('HS-01', 'N-1');
      expect(await valueCount(store)).toBe(before);
      expect((await steering.indicators.listValues({ unit: 'N-1' })).items).toEqual([]);
      await expect(put('HS-01', 'N-1', '2024', 23)).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [{ pointer: '/unit', detail: 'N-1 was not active during 2024' }],
      });
      await expect(steering.indicators.series('HS-01', 'NOPE')).rejects.toMatchObject({ code: 'not-found' });
      await expect(steering.indicators.series('NOPE-01', 'N-1')).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
