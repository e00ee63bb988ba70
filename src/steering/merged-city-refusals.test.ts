import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { SAMPLE_PROGRAM_CODE } from './seed/seed-steering-sample.js';
import {
  buildIndicator,
  countRows,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';

// 2026-04-15 10:00 in Hải Phòng: the merged city's second year.
const APR_15_2026 = Date.parse('2026-04-15T03:00:00Z');
const LE_CHAN = '11383'; // Phường Lê Chân, from 2025-07-01
const HANG_KENH = 'P-11395'; // Phường Hàng Kênh, merged whole into Phường Lê Chân
const AN_BIEN = 'P-11371'; // Phường An Biên (former), split between the new Phường An Biên and Phường Lê Chân

async function rowCounts(fx: SteeringFixture): Promise<number[]> {
  const values = await fx.store.db
    .selectFrom('steering_indicator_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return [
    Number(values.n),
    await countRows(fx.store, 'steering_reports'),
    await countRows(fx.store, 'steering_tasks'),
    await countRows(fx.store, 'steering_task_history'),
    await countRows(fx.store, 'audit_events'),
  ];
}

/** Values, reports and tasks of units that did not exist then, across the merger, on the seeded sample. */
for (const dialect of DIALECTS) {
  describe(`refusals across the 2025 merger on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('refuses a value for a unit outside its period, naming /unit, and writes nothing', async () => {
      fx = await createSteeringFixture(dialect, { now: APR_15_2026 });
      await fx.steering.indicators.create(SECRETARIAT, buildIndicator({ code: 'HS-01', unit: 'hồ sơ' }));
      const before = await rowCounts(fx);
      await expect(
        fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', LE_CHAN, '2025-Q1', { value: 12 }),
      ).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [{ pointer: '/unit', detail: `${LE_CHAN} was not active during 2025-Q1` }],
      });
      await expect(
        fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', 'Q-LECHAN', '2025-H2', { value: 12 }),
      ).rejects.toMatchObject({
        errors: [{ pointer: '/unit', detail: 'Q-LECHAN was not active during 2025-H2' }],
      });
      await expect(
        fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', HANG_KENH, '2026-Q1', { value: 12 }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/unit' }] });
      expect(await rowCounts(fx)).toEqual(before);
      // Either side of the merger, in its own period, is accepted.
      await fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', HANG_KENH, '2025-Q1', { value: 7 });
      await fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', LE_CHAN, '2025-Q3', { value: 9 });
    });

    it('refuses a report for a unit that did not exist in the period, naming /unitId, and writes nothing', async () => {
      fx = await createSteeringFixture(dialect, { now: APR_15_2026 });
      const before = await rowCounts(fx);
      await expect(
        fx.steering.reports.create(SECRETARIAT, {
          unitId: 'Q-LECHAN',
          period: '2026-Q1',
          narrative: 'Quý I',
        }),
      ).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [
          { pointer: '/unitId', detail: 'Quận Lê Chân does not exist in 2026-Q1 (2021-01-01 – 2025-06-30)' },
        ],
      });
      await expect(
        fx.steering.reports.create(SECRETARIAT, { unitId: LE_CHAN, period: '2025-Q2', narrative: 'Quý II' }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/unitId' }] });
      expect(await rowCounts(fx)).toEqual(before);
      const report = await fx.steering.reports.create(SECRETARIAT, {
        unitId: LE_CHAN,
        period: '2026-Q1',
        narrative: 'Quý I năm 2026',
      });
      expect(report.unitId).toBe(LE_CHAN);
    });

    it('takes 2025 per half: districts for 2025-H1, communes for 2025-H2, neither for the whole year', async () => {
      fx = await createSteeringFixture(dialect, { now: APR_15_2026 });
      await fx.steering.indicators.create(SECRETARIAT, buildIndicator({ code: 'HS-01', unit: 'hồ sơ' }));
      const before = await rowCounts(fx);
      const put = (unit: string, period: string) =>
        fx!.steering.indicators.putValue(SECRETARIAT, 'HS-01', unit, period, { value: 5 });
      await expect(put('Q-LECHAN', '2025')).rejects.toMatchObject({
        errors: [
          {
            pointer: '/period',
            detail: 'the district level ended on 2025-06-30: a district reports up to 2025-H1',
          },
        ],
      });
      await expect(put(LE_CHAN, '2025')).rejects.toMatchObject({
        errors: [
          {
            pointer: '/period',
            detail: 'the commune level began on 2025-07-01: a commune reports from 2025-H2',
          },
        ],
      });
      await expect(
        fx.steering.reports.create(SECRETARIAT, { unitId: LE_CHAN, period: '2025', narrative: 'Năm 2025' }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/period' }] });
      expect(await rowCounts(fx)).toEqual(before);
      await put('Q-LECHAN', '2025-H1');
      await put(LE_CHAN, '2025-H2');
      // A department spans the switch and reports the whole year.
      await put('SNV', '2025');
      await fx.steering.reports.create(SECRETARIAT, {
        unitId: 'Q-LECHAN',
        period: '2025-H1',
        narrative: 'Sáu tháng',
      });
      // Phường Thủy Nguyên: the sample gives Lê Chân its 2025-H2 report already.
      await fx.steering.reports.create(SECRETARIAT, {
        unitId: '11560',
        period: '2025-H2',
        narrative: 'Sáu tháng cuối',
      });
    });

    it('scores districts for 2025-H1 and communes for 2025-H2, each against its level, and neither for 2025', async () => {
      fx = await createSteeringFixture(dialect, { now: APR_15_2026 });
      await fx.steering.indicators.create(
        SECRETARIAT,
        buildIndicator({
          code: 'HS-01',
          unit: 'hồ sơ',
          targets: [
            { level: 'district', year: 2025, target: 100 },
            { level: 'commune', year: 2025, target: 20 },
          ],
        }),
      );
      await fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', 'Q-LECHAN', '2025-H1', { value: 50 });
      await fx.steering.indicators.putValue(SECRETARIAT, 'HS-01', LE_CHAN, '2025-H2', { value: 10 });
      const first = await fx.steering.indicators.scores('2025-H1', { kind: 'district' });
      expect(first.units).toHaveLength(15);
      expect(first.units.find((unit) => unit.unitId === 'Q-LECHAN')).toMatchObject({ rank: 1, index: 0.5 });
      expect((await fx.steering.indicators.scores('2025-H1', { kind: 'commune' })).units).toEqual([]);
      const second = await fx.steering.indicators.scores('2025-H2', { kind: 'commune' });
      expect(second.units).toHaveLength(114);
      expect(second.units[0]).toMatchObject({ unitId: LE_CHAN, rank: 1, index: 0.5 });
      expect((await fx.steering.indicators.scores('2025-H2', { kind: 'district' })).units).toEqual([]);
      const year = await fx.steering.indicators.scores('2025');
      expect(year.units.some((unit) => unit.kind === 'district' || unit.kind === 'commune')).toBe(false);
    });

    it('refuses a task assigned to a unit that has ended, naming who took over, and writes nothing', async () => {
      fx = await createSteeringFixture(dialect, { now: APR_15_2026 });
      const program = (await fx.steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
      const task = (leadUnitId: string, coordinatingUnitIds: string[] = []) => ({
        groupId: program.groups[0]!.id,
        code: 'NV-2026.01',
        title: 'Số hóa hồ sơ hộ tịch',
        expectedOutput: 'Kho dữ liệu hộ tịch',
        leadUnitId,
        coordinatingUnitIds,
        startDate: '2026-05-01',
        deadline: '2026-12-31',
      });
      const before = await rowCounts(fx);
      const cases: [string, string][] = [
        ['Q-LECHAN', 'Quận Lê Chân ceased to exist on 2025-07-01'],
        [HANG_KENH, 'Phường Hàng Kênh was merged into Phường Lê Chân on 2025-07-01'],
        [AN_BIEN, 'Phường An Biên was split between Phường An Biên, Phường Lê Chân on 2025-07-01'],
        ['SNV-HD', 'Sở Nội vụ tỉnh Hải Dương was merged into Sở Nội vụ on 2025-07-01'],
      ];
      for (const [lead, detail] of cases) {
        await expect(fx.steering.tasks.create(SECRETARIAT, program.id, task(lead))).rejects.toMatchObject({
          code: 'validation-failed',
          errors: [{ pointer: '/leadUnitId', detail }],
        });
      }
      await expect(
        fx.steering.tasks.create(SECRETARIAT, program.id, task(LE_CHAN, ['SKHCN', 'Q-LECHAN'])),
      ).rejects.toMatchObject({
        errors: [{ pointer: '/coordinatingUnitIds/1', detail: 'Quận Lê Chân ceased to exist on 2025-07-01' }],
      });
      expect(await rowCounts(fx)).toEqual(before);
      const created = await fx.steering.tasks.create(SECRETARIAT, program.id, task(LE_CHAN, ['SKHCN']));
      expect(created.leadUnitId).toBe(LE_CHAN);
    });
  });
}
