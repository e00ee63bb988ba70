import { afterEach, describe, expect, it } from 'vitest';
import { seedSteeringSample } from './seed/seed-steering-sample.js';
import { SAMPLE_REPORTS } from './seed/sample-reports.js';
import { createSteeringFixture, DIALECTS, type SteeringFixture } from './test-support/steering-fixtures.js';

const SEED = { id: 'system:seed', remoteAddress: null };
/** 2026-12-02 10:00 in Hải Phòng: 2026-Q4 is open. */
const DEC_2_2026 = Date.parse('2026-12-02T03:00:00Z');
const RESOLUTION_57_DATE = '2025-07-01';

for (const dialect of DIALECTS) {
  describe(`commune reporting on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('seeds the communes’ sample reports marked as sample, each period once it has begun, once', async () => {
      // 1. On 2025-08-15 only 2025-H2 has begun: its reports are there, 2026-Q4's are not.
      fx = await createSteeringFixture(dialect);
      const early = await fx.steering.reports.list();
      const of = (period: string) => SAMPLE_REPORTS.filter((r) => r.period === period);
      expect(early.map((r) => `${r.unitId} ${r.period} ${r.status}`).sort()).toEqual(
        of('2025-H2')
          .map((r) => `${r.unitId} ${r.period} ${r.state}`)
          .sort(),
      );
      // 2. On 2026-12-02 the next start adds 2026-Q4's, and a third adds nothing.
      fx.setNow(DEC_2_2026);
      const second = await seedSteeringSample(fx.steering, SEED);
      expect(second.reports).toBe(of('2026-Q4').length);
      const third = await seedSteeringSample(fx.steering, SEED);
      expect(third).toMatchObject({ reports: 0, committees: 0, committeeRecords: 0, tasks: 0 });
      const rows = await fx.store.db.selectFrom('steering_reports').select(['sample', 'narrative']).execute();
      expect(rows).toHaveLength(SAMPLE_REPORTS.length);
      expect(rows.every((row) => row.sample === 1 && row.narrative.includes('Dữ liệu mẫu'))).toBe(true);
    });

    it('makes every commune owe the report of a period of the commune level, and narrows to a level', async () => {
      fx = await createSteeringFixture(dialect, { now: DEC_2_2026 });
      const all = await fx.steering.gaps({ period: '2026-Q4' });
      const communes = all.reporting!.units.filter((row) => row.kind === 'commune');
      expect(communes).toHaveLength(114);
      const communal = await fx.steering.gaps({ period: '2026-Q4', level: 'commune' });
      expect(communal.reporting!.units).toEqual(communes);
      const leChan = communes.find((row) => row.unitId === '11383')!;
      expect(leChan).toMatchObject({ unitName: 'Phường Lê Chân', state: 'pending', reportId: null });
      expect(communes.find((row) => row.unitId === '11311')).toMatchObject({
        state: 'on-time',
        reportStatus: 'submitted',
      });
      // Who has not acted, at the commune level: only communes, the sample's few committees excepted.
      expect(communal.unitsWithoutCommittee.every((unit) => unit.kind === 'commune')).toBe(true);
      expect(communal.unitsWithoutCommittee).toHaveLength(114 - 4);
      expect(communal.unitsWithoutPlan.map((unit) => unit.id)).not.toContain('11383');
      expect(communal.unitsWithoutPlan).toHaveLength(114 - 4);
      const departments = await fx.steering.gaps({ period: '2026-Q4', level: 'department' });
      expect(departments.unitsWithoutCommittee.map((unit) => unit.kind)).not.toContain('commune');
      expect(departments.reporting!.units.every((row) => row.kind === 'department')).toBe(true);
      expect(departments.overdueTasks.length).toBeGreaterThan(0);
      expect(communal.overdueTasks).toEqual([]);
    });

    it('does not ask the communes of before the merger, nor any commune, for a period before the level', async () => {
      fx = await createSteeringFixture(dialect, { now: DEC_2_2026 });
      const h1 = await fx.steering.gaps({ period: '2025-H1', level: 'commune' });
      expect(h1.reporting!.units).toEqual([]);
    });

    it('refuses a level that is not one, naming /level', async () => {
      fx = await createSteeringFixture(dialect);
      await expect(async () => fx!.steering.gaps({ level: 'province' } as never)).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [expect.objectContaining({ pointer: '/level' })],
      });
    });

    it('adds the Resolution 57 decision and members to a city committee seeded before they existed', async () => {
      fx = await createSteeringFixture(dialect);
      const { db } = fx.store;
      const committee = await db
        .selectFrom('steering_committees')
        .select('id')
        .where('unit_id', '=', 'UBND-HP')
        .executeTakeFirstOrThrow();
      // 1. The store as an earlier sample left it: no 2025 consolidation, no member from 2025-07-01.
      await db
        .deleteFrom('steering_committee_decisions')
        .where('committee_id', '=', committee.id)
        .where('date', '=', RESOLUTION_57_DATE)
        .execute();
      await db
        .deleteFrom('steering_committee_members')
        .where('committee_id', '=', committee.id)
        .where('from_date', '=', RESOLUTION_57_DATE)
        .execute();
      // 2. The next start fills in what is missing, item by item, and nothing twice.
      const seeded = await seedSteeringSample(fx.steering, SEED);
      expect(seeded.committeeRecords).toBe(1 + 7);
      const view = await fx.steering.committees.get(committee.id, '2026-01-01');
      expect(view.decisions.filter((d) => d.date === RESOLUTION_57_DATE)).toEqual([
        expect.objectContaining({ confirmed: false }),
      ]);
      expect(view.members.filter((m) => m.active)).toHaveLength(7);
      expect((await seedSteeringSample(fx.steering, SEED)).committeeRecords).toBe(0);
    });
  });
}
