import writeExcelFile, { type Cell } from 'write-excel-file/node';
import { TASK_SHEET_COLUMNS } from '../spreadsheets/task-sheet-columns.js';
import { readWorkbookSheets } from '../spreadsheets/xlsx-reader.js';

/** A cell of a test sheet: text, a number, a date cell, or empty. */
export type TestCell = string | number | Date | null;

const cellOf = (value: TestCell): Cell =>
  value instanceof Date ? { type: Date, value, format: 'dd/mm/yyyy' } : value;

/** Builds a workbook with one sheet of the given name and rows, as a user's spreadsheet program would. */
export function buildSheetFile(name: string, rows: readonly (readonly TestCell[])[]): Promise<Buffer> {
  return writeExcelFile([{ sheet: name, data: rows.map((row) => row.map(cellOf)) }]).toBuffer();
}

/** Builds an indicator value import file: a header row, then the given rows. */
export function buildImportFile(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  return buildSheetFile('Số liệu', [
    ['Mã chỉ tiêu', 'Mã đơn vị', 'Kỳ', 'Giá trị', 'Nguồn', 'Minh chứng'],
    ...rows,
  ]);
}

/** Reads every sheet of a workbook as arrays of cell values (row 1 included; empty cells undefined, none at the end). */
export async function readWorkbook(file: Uint8Array): Promise<Record<string, unknown[][]>> {
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of await readWorkbookSheets(file)) {
    sheets[sheet.name] = sheet.rows.map((row) => {
      const values: unknown[] = row.cells.map((cell) => cell.value ?? undefined);
      // A styled empty cell at the end (a shaded row) is no value.
      while (values.length > 0 && values.at(-1) === undefined) values.pop();
      return values;
    });
  }
  return sheets;
}

/** Builds a task import file: the header row of TASK_SHEET_COLUMNS, then the given rows. */
export function buildTaskFile(rows: readonly (readonly TestCell[])[]): Promise<Buffer> {
  return buildSheetFile('Nhiệm vụ', [TASK_SHEET_COLUMNS.map((column) => column.header), ...rows]);
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
