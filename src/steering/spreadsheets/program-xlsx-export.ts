import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { presentProgram, requireProgram } from '../program-commands.js';
import { TASK_SHEET_COLUMNS, TASK_STATUS_LABELS } from './task-sheet-columns.js';
import { isDueSoon, isOverdue, type TaskStatus } from '../task-status.js';
import { dateCell, fileNamePart, type GeneratedFile, styleHeader } from './xlsx-file.js';

const DAY_MS = 86_400_000;
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

/** Days from a deadline to a later date. */
const daysLate = (deadline: string, asOf: string): number =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / DAY_MS);

/**
 * A program as an .xlsx workbook as of a date: "Tổng hợp" (the program and its rolled-up progress),
 * "Nhóm nhiệm vụ" (each group's weighted progress and overdue count) and "Nhiệm vụ" (every task in the
 * columns of the import sheet, then lead unit name, overdue and due-soon flags, days overdue; overdue
 * rows shaded).
 */
export async function programWorkbook(
  db: Kysely<Database>,
  programId: string,
  asOf: string,
): Promise<GeneratedFile> {
  const row = await requireProgram(db, programId);
  const program = await presentProgram(db, row, asOf);
  const tasks = await db
    .selectFrom('steering_tasks')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('code')
    .execute();
  const units = new Map(
    (await db.selectFrom('steering_units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
  );
  const groupCode = new Map(program.groups.map((group) => [group.id, group.code]));
  const overdue = tasks.filter((task) => isOverdue(task, asOf));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cảng';
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Mục', key: 'label', width: 30 },
    { header: 'Giá trị', key: 'value', width: 80 },
  ];
  for (const [label, value] of [
    ['Mã chương trình', program.code],
    ['Tên chương trình', program.title],
    ['Đơn vị chủ trì', units.get(program.unitId) ?? program.unitId],
    ['Ngày bắt đầu', dateCell(program.startDate)],
    ['Ngày kết thúc', dateCell(program.endDate)],
    ['Số liệu tính đến ngày', dateCell(asOf)],
    ['Tiến độ chung (%)', program.progress],
    ['Số nhóm nhiệm vụ', program.groups.length],
    ['Số nhiệm vụ', tasks.length],
    ['Số nhiệm vụ quá hạn', overdue.length],
  ] as const) {
    const added = summary.addRow({ label, value });
    if (value instanceof Date) added.getCell('value').numFmt = 'dd/mm/yyyy';
  }

  const groups = workbook.addWorksheet('Nhóm nhiệm vụ');
  groups.columns = [
    { header: 'Mã nhóm', key: 'code', width: 10 },
    { header: 'Tên nhóm nhiệm vụ', key: 'title', width: 60 },
    { header: 'Trọng số', key: 'weight', width: 10 },
    { header: 'Số nhiệm vụ', key: 'taskCount', width: 12 },
    { header: 'Tiến độ (%)', key: 'progress', width: 12 },
    { header: 'Số nhiệm vụ quá hạn', key: 'overdueCount', width: 20 },
  ];
  for (const group of program.groups) groups.addRow(group);
  groups.addRow({
    title: 'Toàn chương trình',
    taskCount: tasks.length,
    progress: program.progress,
    overdueCount: overdue.length,
  }).font = { bold: true };

  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.columns = [
    ...TASK_SHEET_COLUMNS.map(({ key, header, width }) => ({ key, header, width })),
    { header: 'Tên đơn vị chủ trì', key: 'leadUnitName', width: 36 },
    { header: 'Quá hạn', key: 'overdue', width: 10 },
    { header: 'Sắp đến hạn', key: 'dueSoon', width: 12 },
    { header: 'Số ngày quá hạn', key: 'daysLate', width: 15 },
  ];
  const ordered = [...tasks].sort(
    (a, b) =>
      (groupCode.get(a.group_id) ?? '').localeCompare(groupCode.get(b.group_id) ?? '') ||
      a.code.localeCompare(b.code),
  );
  for (const task of ordered) {
    const late = isOverdue(task, asOf);
    const added = sheet.addRow({
      programCode: program.code,
      groupCode: groupCode.get(task.group_id) ?? '',
      code: task.code,
      title: task.title,
      expectedOutput: task.expected_output,
      leadUnitId: task.lead_unit_id,
      coordinatingUnitIds: (JSON.parse(task.coordinating_unit_ids) as string[]).join(', '),
      startDate: dateCell(task.start_date),
      deadline: dateCell(task.deadline),
      fundingSource: task.funding_source,
      weight: task.weight,
      status: TASK_STATUS_LABELS[task.status as TaskStatus] ?? task.status,
      progress: task.progress,
      leadUnitName: units.get(task.lead_unit_id) ?? task.lead_unit_id,
      overdue: late ? 'Quá hạn' : null,
      dueSoon: isDueSoon(task, asOf) ? 'Sắp đến hạn' : null,
      daysLate: late ? daysLate(task.deadline, asOf) : null,
    });
    if (late) added.fill = OVERDUE_FILL;
  }
  for (const key of ['startDate', 'deadline']) sheet.getColumn(key).numFmt = 'dd/mm/yyyy';
  for (const each of [summary, groups, sheet]) styleHeader(each);

  return {
    fileName: `chuong-trinh-${fileNamePart(program.code)}-${asOf}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
