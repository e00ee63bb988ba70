import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/dialects.js';
import { readWorkbook } from '../test-support/xlsx-files.js';
import { SAMPLE_PROGRAM_CODE } from '../seed/seed-steering-sample.js';
import { TASK_SHEET_COLUMNS } from './task-sheet-columns.js';
import {
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from '../test-support/steering-fixtures.js';
import { buildTaskFile } from '../test-support/xlsx-files.js';

const JUL_3_0900 = Date.parse('2025-07-03T02:00:00Z');
const JUL_10_1530 = Date.parse('2025-07-10T08:30:00Z');

for (const dialect of DIALECTS) {
  describe(`steering workbooks on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('exports a program with its groups’ roll-up and every task flagged overdue or not', async () => {
      fx = await createSteeringFixture(dialect);
      const program = (await fx.steering.programs.list('2025-08-15')).find(
        (p) => p.code === SAMPLE_PROGRAM_CODE,
      )!;
      const overdue = await fx.steering.tasks.list({
        programId: program.id,
        due: 'overdue',
        asOf: '2025-08-15',
      });
      expect(overdue.length).toBeGreaterThan(0);

      const file = await fx.steering.files.exportProgram(program.id, '2025-08-15');
      expect(file.fileName).toBe('chuong-trinh-CT-284-2025-08-15.xlsx');
      const sheets = await readWorkbook(file.content);
      expect(Object.keys(sheets)).toEqual(['Tổng hợp', 'Nhóm nhiệm vụ', 'Nhiệm vụ']);
      expect(sheets['Tổng hợp']).toContainEqual(['Tiến độ chung (%)', program.progress]);
      expect(sheets['Tổng hợp']).toContainEqual(['Số nhiệm vụ quá hạn', overdue.length]);

      const groups = sheets['Nhóm nhiệm vụ']!;
      expect(groups[0]).toEqual([
        'Mã nhóm',
        'Tên nhóm nhiệm vụ',
        'Trọng số',
        'Số nhiệm vụ',
        'Tiến độ (%)',
        'Số nhiệm vụ quá hạn',
      ]);
      expect(groups.slice(1, -1)).toEqual(
        program.groups.map((g) => [
          g.code,
          g.title,
          g.weight,
          g.taskCount,
          g.progress ?? undefined,
          g.overdueCount,
        ]),
      );
      expect(groups.at(-1)).toEqual([
        undefined,
        'Toàn chương trình',
        undefined,
        expect.any(Number),
        program.progress,
        overdue.length,
      ]);

      const tasks = sheets['Nhiệm vụ']!;
      expect(tasks[0]).toEqual([
        ...TASK_SHEET_COLUMNS.map((c) => c.header),
        'Tên đơn vị chủ trì',
        'Quá hạn',
        'Sắp đến hạn',
        'Số ngày quá hạn',
      ]);
      const all = await fx.steering.tasks.list({ programId: program.id, asOf: '2025-08-15' });
      expect(tasks.length).toBe(all.length + 1);
      const late = overdue[0]!;
      const line = tasks.find((row) => row[2] === late.code)!;
      expect(line.slice(0, 3)).toEqual(['CT-284', expect.any(String), late.code]);
      expect(line[8]).toEqual(new Date(`${late.deadline}T00:00:00Z`));
      expect(line[14]).toBe('Quá hạn');
      expect(line[16]).toBe(
        (Date.parse('2025-08-15T00:00:00Z') - Date.parse(`${late.deadline}T00:00:00Z`)) / 86_400_000,
      );
      const notLate = all.find((t) => !t.overdue)!;
      expect(tasks.find((row) => row[2] === notLate.code)![14]).toBeUndefined();
    });

    it('re-imports its own task sheet: the export is also an import template', async () => {
      fx = await createSteeringFixture(dialect);
      const program = (await fx.steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
      const sheets = await readWorkbook((await fx.steering.files.exportProgram(program.id)).content);
      const row = sheets['Nhiệm vụ']![1]!.slice(0, 13) as (string | number | Date | null)[];
      row[2] = 'NV-COPY.01';
      const report = await fx.steering.files.importTasks(SECRETARIAT, program.id, await buildTaskFile([row]));
      expect(report.rows[0]!.reasons).toEqual([]);
      expect(report.committed).toBe(true);
    });

    it('exports the reports of a period: status, submitted and accepted at, per-task progress', async () => {
      fx = await createSteeringFixture(dialect);
      const task = (await fx.steering.tasks.list({ leadUnitId: 'SKHCN' }))[0]!;
      fx.setNow(JUL_3_0900);
      const own = await fx.steering.reports.create(SECRETARIAT, {
        unitId: 'SKHCN',
        period: '2025-Q2',
        narrative: 'Kết quả quý II',
        items: [{ taskId: task.id, progress: 60, narrative: 'Đã triển khai giai đoạn 1' }],
      });
      await fx.steering.reports.submit(SECRETARIAT, own.id);
      fx.setNow(JUL_10_1530);
      await fx.steering.reports.accept(SECRETARIAT, own.id);

      const file = await fx.steering.files.exportReports('2025-Q2', '2025-08-15');
      expect(file.fileName).toBe('bao-cao-2025-Q2.xlsx');
      const sheets = await readWorkbook(file.content);
      expect(Object.keys(sheets)).toEqual(['Báo cáo', 'Tiến độ nhiệm vụ']);
      const reports = sheets['Báo cáo']!;
      expect(reports[0]).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Tình hình nộp',
        'Trạng thái báo cáo',
        'Hạn nộp',
        'Thời điểm gửi',
        'Thời điểm tiếp nhận',
        'Số nhiệm vụ báo cáo',
        'Ý kiến trả lại',
      ]);
      // Times are Hải Phòng's wall clock (UTC+7).
      expect(reports.find((row) => row[0] === 'SKHCN')).toEqual([
        'SKHCN',
        'Sở Khoa học và Công nghệ',
        'Đúng hạn',
        'Đã tiếp nhận',
        new Date('2025-07-05T00:00:00Z'),
        new Date('2025-07-03T09:00:00Z'),
        new Date('2025-07-10T15:30:00Z'),
        1,
      ]);
      const missing = reports.slice(1).find((row) => row[0] !== 'SKHCN')!;
      expect(missing.slice(2, 4)).toEqual(['Chưa nộp (quá hạn)', 'Chưa có']);
      const status = await fx.steering.reportingStatus('2025-Q2', '2025-08-15');
      expect(reports.length).toBe(status.units.length + 1);
      expect(sheets['Tiến độ nhiệm vụ']!.slice(1)).toEqual([
        [
          'SKHCN',
          'Sở Khoa học và Công nghệ',
          'Đã tiếp nhận',
          task.code,
          task.title,
          60,
          (await fx.steering.tasks.get(task.id)).progress,
          'Đã triển khai giai đoạn 1',
        ],
      ]);
    });
  });
}
