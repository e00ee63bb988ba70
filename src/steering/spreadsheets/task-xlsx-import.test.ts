import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/dialects.js';
import { SAMPLE_PROGRAM_CODE } from '../seed/seed-steering-sample.js';
import {
  countRows,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from '../test-support/steering-fixtures.js';
import { buildTaskFile, taskRow } from '../test-support/xlsx-files.js';

async function programOf(fx: SteeringFixture) {
  return (await fx.steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
}

async function counts(fx: SteeringFixture): Promise<number[]> {
  return [
    await countRows(fx.store, 'steering_tasks'),
    await countRows(fx.store, 'steering_task_history'),
    await countRows(fx.store, 'audit_events'),
  ];
}

for (const dialect of DIALECTS) {
  describe(`task import from .xlsx on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('imports every row of a good file with its history and audit trail', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const file = await buildTaskFile([
        taskRow(),
        // Excel turns the group code 02 into the number 2, and dates into date cells.
        taskRow({
          groupCode: 2,
          code: 'NV-IMP.02',
          coordinatingUnitIds: null,
          startDate: new Date('2025-09-01T00:00:00Z'),
          deadline: '31/03/2026',
          status: 'completed',
          progress: null,
          weight: null,
        }),
      ]);
      const report = await fx.steering.files.importTasks(SECRETARIAT, program.id, file);
      expect(report.committed).toBe(true);
      expect(report.imported).toBe(2);
      expect(report.rows.map((row) => [row.row, row.code, row.ok, row.reasons])).toEqual([
        [2, 'NV-IMP.01', true, []],
        [3, 'NV-IMP.02', true, []],
      ]);
      const first = await fx.steering.tasks.get(report.rows[0]!.taskId!);
      expect(first).toMatchObject({
        code: 'NV-IMP.01',
        groupId: program.groups.find((g) => g.code === '01')!.id,
        leadUnitId: 'SKHCN',
        coordinatingUnitIds: ['SNV', 'SYT'],
        startDate: '2025-09-01',
        deadline: '2025-12-31',
        fundingSource: 'Ngân sách thành phố',
        weight: 2,
        status: 'in-progress',
        progress: 10,
      });
      const second = await fx.steering.tasks.get(report.rows[1]!.taskId!);
      expect(second).toMatchObject({
        groupId: program.groups.find((g) => g.code === '02')!.id,
        deadline: '2026-03-31',
        status: 'completed',
        progress: 100,
        weight: 1,
      });
      expect((await fx.steering.tasks.history(second.id))[0]?.source).toBe('import');
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('action', 'in', ['steering.task.import', 'steering.program.import-tasks'])
        .execute();
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'steering.program.import-tasks',
        'steering.task.import',
        'steering.task.import',
      ]);
    });

    it('imports nothing from a file with a bad row, naming each bad row and column', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const before = await counts(fx);
      const file = await buildTaskFile([
        taskRow(),
        taskRow({ code: 'NV-IMP.02', startDate: '2025-10-01', deadline: '2025-09-30' }),
        taskRow({ code: 'NV-IMP.03', leadUnitId: 'STTTT', coordinatingUnitIds: 'SKHCN, NOPE' }),
        taskRow({ code: 'NV-01.01', groupCode: '42', status: 'xong rồi' }),
        taskRow({ title: null }),
      ]);
      const report = await fx.steering.files.importTasks(SECRETARIAT, program.id, file);
      expect(report.committed).toBe(false);
      expect(report.imported).toBe(0);
      expect(
        report.rows.map((row) => [row.row, row.ok, row.reasons.map((r) => `${r.column} ${r.header}`)]),
      ).toEqual([
        [2, true, []],
        [3, false, ['I Hạn hoàn thành']],
        [4, false, ['F Đơn vị chủ trì', 'G Đơn vị phối hợp']],
        [5, false, ['L Trạng thái', 'B Mã nhóm', 'C Mã nhiệm vụ']],
        [6, false, ['D Tên nhiệm vụ', 'C Mã nhiệm vụ']],
      ]);
      const reasons = report.rows.flatMap((row) => row.reasons.map((r) => [row.row, r.pointer, r.detail]));
      expect(reasons).toEqual([
        [3, '/deadline', 'must not be before startDate'],
        [
          4,
          '/leadUnitId',
          'Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ on 2025-03-01',
        ],
        [4, '/coordinatingUnitIds/1', 'no unit NOPE'],
        [5, '/status', 'must be Chưa bắt đầu, Đang thực hiện, Hoàn thành, Tạm dừng or Đã hủy'],
        [5, '/groupId', 'no task group 42 in CT-284'],
        [5, '/code', 'task NV-01.01 already exists in this program'],
        [6, '/title', 'is required'],
        [6, '/code', 'task NV-IMP.01 is already in row 2'],
      ]);
      expect(await counts(fx)).toEqual(before);
    });

    it('imports the good rows, and only those, when asked to accept the valid ones', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const before = await countRows(fx.store, 'steering_tasks');
      const file = await buildTaskFile([
        taskRow(),
        taskRow({ code: 'NV-IMP.02', deadline: '2025-01-01' }),
        taskRow({ code: 'NV-IMP.03', progress: '45%' }),
      ]);
      const report = await fx.steering.files.importTasks(SECRETARIAT, program.id, file, {
        acceptValid: true,
      });
      expect(report).toMatchObject({ committed: true, imported: 2 });
      expect(report.rows.map((row) => [row.row, row.ok, row.taskId !== null])).toEqual([
        [2, true, true],
        [3, false, false],
        [4, true, true],
      ]);
      expect(await countRows(fx.store, 'steering_tasks')).toBe(before + 2);
      const codes = (await fx.steering.tasks.list({ programId: program.id })).map((t) => t.code);
      expect(codes).toContain('NV-IMP.03');
      expect(codes).not.toContain('NV-IMP.02');
      expect((await fx.steering.tasks.get(report.rows[2]!.taskId!)).progress).toBe(45);
    });

    it('refuses a row for another program, a file that is no workbook, and an unknown program', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const other = await fx.steering.files.importTasks(
        SECRETARIAT,
        program.id,
        await buildTaskFile([taskRow({ programCode: 'CT-999' })]),
      );
      expect(other.rows[0]!.reasons.map((r) => [r.column, r.detail])).toEqual([
        ['A', 'is CT-999, but the tasks are imported into CT-284'],
      ]);
      await expect(
        fx.steering.files.importTasks(SECRETARIAT, program.id, Buffer.from('not a zip')),
      ).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(
        fx.steering.files.importTasks(SECRETARIAT, program.id, await buildTaskFile([])),
      ).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(
        fx.steering.files.importTasks(SECRETARIAT, 'nope', await buildTaskFile([taskRow()])),
      ).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
