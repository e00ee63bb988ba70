import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { presentProgram, requireProgram } from '../program-commands.js';
import { TASK_SHEET_COLUMNS, TASK_STATUS_LABELS } from './task-sheet-columns.js';
import { isDueSoon, isOverdue, type TaskStatus } from '../task-status.js';
import { dateCell, fileNamePart, type GeneratedFile } from './xlsx-file.js';
import { type WorkbookLine, writeWorkbook } from './xlsx-writer.js';

const DAY_MS = 86_400_000;
const OVERDUE_FILL = '#FDE2E1';

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

  const summary: WorkbookLine[] = (
    [
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
    ] as const
  ).map(([label, value]) => ({ values: { label, value } }));

  const groups: WorkbookLine[] = [
    ...program.groups.map((group) => ({ values: { ...group } })),
    {
      values: {
        title: 'Toàn chương trình',
        taskCount: tasks.length,
        progress: program.progress,
        overdueCount: overdue.length,
      },
      bold: true,
    },
  ];

  const ordered = [...tasks].sort(
    (a, b) =>
      (groupCode.get(a.group_id) ?? '').localeCompare(groupCode.get(b.group_id) ?? '') ||
      a.code.localeCompare(b.code),
  );
  const taskLines = ordered.map((task): WorkbookLine => {
    const late = isOverdue(task, asOf);
    return {
      values: {
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
      },
      ...(late ? { fill: OVERDUE_FILL } : {}),
    };
  });

  const content = await writeWorkbook([
    {
      name: 'Tổng hợp',
      columns: [
        { header: 'Mục', key: 'label', width: 30 },
        { header: 'Giá trị', key: 'value', width: 80 },
      ],
      lines: summary,
    },
    {
      name: 'Nhóm nhiệm vụ',
      columns: [
        { header: 'Mã nhóm', key: 'code', width: 10 },
        { header: 'Tên nhóm nhiệm vụ', key: 'title', width: 60 },
        { header: 'Trọng số', key: 'weight', width: 10 },
        { header: 'Số nhiệm vụ', key: 'taskCount', width: 12 },
        { header: 'Tiến độ (%)', key: 'progress', width: 12 },
        { header: 'Số nhiệm vụ quá hạn', key: 'overdueCount', width: 20 },
      ],
      lines: groups,
    },
    {
      name: 'Nhiệm vụ',
      columns: [
        ...TASK_SHEET_COLUMNS.map(({ key, header, width }) => ({ key, header, width })),
        { header: 'Tên đơn vị chủ trì', key: 'leadUnitName', width: 36 },
        { header: 'Quá hạn', key: 'overdue', width: 10 },
        { header: 'Sắp đến hạn', key: 'dueSoon', width: 12 },
        { header: 'Số ngày quá hạn', key: 'daysLate', width: 15 },
      ],
      lines: taskLines,
    },
  ]);

  return {
    fileName: `chuong-trinh-${fileNamePart(program.code)}-${asOf}.xlsx`,
    content,
  };
}
