import ExcelJS from 'exceljs';
import { CangError } from '../../core/index.js';
import { plainCell } from './xlsx-cells.js';

/** A cell as read: its plain value and its number format (for "45%" cells). */
export interface SheetCell {
  readonly value: string | number | Date | null;
  readonly numFmt: string;
}

/** One non-empty row of a sheet; `row` is the row number Excel shows. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly SheetCell[];
}

/**
 * Reads the non-empty rows of an uploaded workbook's first sheet, its first `columns` cells each, or
 * throws `validation-failed` on /file when the file is not an .xlsx workbook.
 */
export async function readSheetRows(file: Uint8Array, columns: number): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new CangError('validation-failed', 'The file is not an .xlsx workbook', {
      cause,
      errors: [{ pointer: '/file', detail: 'not an .xlsx workbook' }],
    });
  }
  const rows: SheetRow[] = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: columns }, (_, index) => {
      const cell = row.getCell(index + 1);
      return { value: plainCell(cell.value), numFmt: cell.numFmt ?? '' };
    });
    if (cells.every((cell) => cell.value === null || cell.value === '')) return;
    rows.push({ row: number, cells });
  });
  return rows;
}
