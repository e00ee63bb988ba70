import ExcelJS from 'exceljs';
import { TASK_SHEET_COLUMNS } from '../task-sheet-columns.js';

/** A cell of a test sheet: text, a number, a date cell, or empty. */
export type TestCell = string | number | Date | null;

/** Builds a task import file: the header row of TASK_SHEET_COLUMNS, then the given rows. */
export async function buildTaskFile(rows: readonly (readonly TestCell[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow(TASK_SHEET_COLUMNS.map((column) => column.header));
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A good task row for program CT-284's group 01, with overrides by column key. */
export function taskRow(overrides: Readonly<Record<string, TestCell>> = {}): TestCell[] {
  const values: Record<string, TestCell> = {
    programCode: 'CT-284',
    groupCode: '01',
    code: 'NV-IMP.01',
    title: 'Tập huấn kỹ năng số cho cán bộ',
    expectedOutput: '500 cán bộ được tập huấn',
    leadUnitId: 'SKHCN',
    coordinatingUnitIds: 'SNV, SYT',
    startDate: '01/09/2025',
    deadline: '2025-12-31',
    fundingSource: 'Ngân sách thành phố',
    weight: 2,
    status: 'Đang thực hiện',
    progress: 10,
    ...overrides,
  };
  return TASK_SHEET_COLUMNS.map((column) => values[column.key] ?? null);
}
