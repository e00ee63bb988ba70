import ExcelJS from 'exceljs';
import { TASK_SHEET_COLUMNS } from '../spreadsheets/task-sheet-columns.js';

/** Builds an indicator value import file: a header row, then the given rows. */
export async function buildImportFile(
  rows: readonly (readonly (string | number | null)[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(['Mã chỉ tiêu', 'Mã đơn vị', 'Kỳ', 'Giá trị', 'Nguồn', 'Minh chứng']);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads every sheet of a workbook as arrays of cell values (row 1 included). */
export async function readWorkbook(file: Uint8Array): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  }
  return sheets;
}

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
