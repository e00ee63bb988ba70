import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import type { Store } from '../store/index.js';
import { seedDtiSample } from './dti/seed-dti-sample.js';
import { SAMPLE_EVIDENCE } from './indicators/seed/haiphong-indicators.js';
import { seedIndicatorSample } from './indicators/seed/seed-indicator-sample.js';
import { removeSteeringSample } from './remove-steering-sample.js';
import { holdsSteeringSample } from './sample-presence.js';
import { SAMPLE_PROGRAM_CODE } from './seed/seed-steering-sample.js';
import {
  auditCount,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';
import { seedWorkingCalendarSample } from './working-calendar/seed-working-calendar-sample.js';

/** How many rows of every sample-marked steering table still carry the mark. */
async function sampleRows(store: Store): Promise<Record<string, number>> {
  const { db } = store;
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await query.executeTakeFirstOrThrow()).n);
  return {
    documents: await count(
      db
        .selectFrom('steering_documents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    committees: await count(
      db
        .selectFrom('steering_committees')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    committeeMembers: await count(
      db
        .selectFrom('steering_committee_members')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    programs: await count(
      db
        .selectFrom('steering_programs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    tasks: await count(
      db
        .selectFrom('steering_tasks')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    reports: await count(
      db
        .selectFrom('steering_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    workingCalendars: await count(
      db
        .selectFrom('steering_working_calendars')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    dtiCampaigns: await count(
      db
        .selectFrom('steering_dti_campaigns')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    dtiAssignments: await count(
      db
        .selectFrom('steering_dti_assignments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sample', '=', 1),
    ),
    indicatorValues: await count(
      db
        .selectFrom('steering_indicator_values')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('evidence_note', '=', SAMPLE_EVIDENCE),
    ),
  };
}

for (const dialect of DIALECTS) {
  describe(`removing the steering sample on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('deletes every sample-marked row, keeps the real rows beside them, and deletes nothing twice', async () => {
      fx = await createSteeringFixture(dialect);
      const { steering, store } = fx;
      const seed = { id: 'system:seed', remoteAddress: null };
      await seedIndicatorSample(steering.context, seed);
      await seedWorkingCalendarSample(steering, seed);
      await seedDtiSample(steering, seed);
      // The seeds write no sample program: one of its own, with a group and an unmarked task.
      const sampleProgram = await steering.programs.create(
        seed,
        {
          code: 'CT-MAU',
          title: 'Chương trình mẫu',
          unitId: 'UBND-HP',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
        },
        { sample: true },
      );
      const withGroup = await steering.programs.addGroup(seed, sampleProgram.id, {
        code: '01',
        title: 'Nhóm mẫu',
        weight: 1,
      });
      await steering.tasks.create(seed, sampleProgram.id, {
        groupId: withGroup.groups[0]!.id,
        code: 'NV-MAU.01',
        title: 'Nhiệm vụ mẫu',
        expectedOutput: 'Sản phẩm mẫu',
        leadUnitId: 'SNV',
        coordinatingUnitIds: [],
        startDate: '2025-01-01',
        deadline: '2025-12-31',
        weight: 1,
        status: 'not-started',
        progress: 0,
      });
      const before = await sampleRows(store);
      for (const [kind, n] of Object.entries(before)) expect(n, kind).toBeGreaterThan(0);

      // 1. Real work next to the sample: a task of the program, a report on it, a value an operator
      //    corrected over a sample one, and a program that names a sample plan.
      const program = (await steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
      const realTask = await steering.tasks.create(SECRETARIAT, program.id, {
        groupId: program.groups[0]!.id,
        code: 'NV-REAL.01',
        title: 'Số hóa hồ sơ lưu trữ của Sở Nội vụ',
        expectedOutput: 'Kho hồ sơ số',
        leadUnitId: 'SNV',
        coordinatingUnitIds: [],
        startDate: '2025-01-01',
        deadline: '2025-12-31',
        weight: 1,
        status: 'in-progress',
        progress: 10,
      });
      const realReport = await steering.reports.create(SECRETARIAT, {
        unitId: 'SNV',
        period: '2025-Q2',
        narrative: 'Đã số hóa 40% hồ sơ',
        items: [{ taskId: realTask.id, progress: 40 }],
      });
      const sampleValue = (await steering.indicators.listValues({ limit: 1 })).items[0]!;
      await steering.indicators.putValue(
        SECRETARIAT,
        sampleValue.indicatorCode,
        sampleValue.unitId,
        sampleValue.period,
        { value: sampleValue.value, evidenceNote: 'Báo cáo số 12/BC-SNV' },
      );
      const samplePlan = (await steering.documents.list()).find((d) => d.sample)!;
      const realProgram = await steering.programs.create(SECRETARIAT, {
        code: 'CT-SNV',
        title: 'Chương trình chuyển đổi số của Sở Nội vụ',
        unitId: 'SNV',
        documentId: samplePlan.id,
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      });

      // 2. The removal leaves no sample row and says what it deleted.
      const removal = await removeSteeringSample(steering.context, SECRETARIAT);
      expect(removal).toMatchObject({
        documents: before.documents,
        committees: before.committees,
        programs: before.programs,
        // The sample program's unmarked task goes with its program.
        tasks: before.tasks + 1,
        taskGroups: 1,
        reports: before.reports,
        workingCalendars: before.workingCalendars,
        dtiCampaigns: before.dtiCampaigns,
        dtiPublished: 0,
        indicatorValues: before.indicatorValues - 1,
      });
      expect(removal.dtiAssignments).toBeGreaterThanOrEqual(before.dtiAssignments);
      for (const [kind, n] of Object.entries(await sampleRows(store))) expect(n, kind).toBe(0);
      expect(await holdsSteeringSample(steering.context)).toBe(false);
      expect(await auditCount(store.db, 'steering.remove-sample')).toBe(1);

      // 3. The real rows stay, the units and the program's reference documents with them.
      expect((await steering.tasks.get(realTask.id)).code).toBe('NV-REAL.01');
      expect((await steering.reports.get(realReport.id)).items).toHaveLength(1);
      expect((await steering.programs.get(program.id)).code).toBe(SAMPLE_PROGRAM_CODE);
      expect((await steering.programs.get(realProgram.id)).documentId).toBeNull();
      const values = (await steering.indicators.listValues({ limit: 1000 })).items;
      expect(values).toEqual([expect.objectContaining({ evidenceNote: 'Báo cáo số 12/BC-SNV' })]);
      expect((await steering.units.list('2026-01-01', { level: 'commune' })).length).toBe(114);
      expect((await steering.documents.list()).some((d) => d.number === '284/QĐ-UBND')).toBe(true);
      // The city's published DTI results are reference data, not sample.
      expect((await steering.dti.published()).length).toBeGreaterThan(0);

      // 4. A second run finds nothing left to delete.
      const again = await removeSteeringSample(steering.context, SECRETARIAT);
      expect(Object.values(again).every((n) => n === 0)).toBe(true);
    });
  });
}
