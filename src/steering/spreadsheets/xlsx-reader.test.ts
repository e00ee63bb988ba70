import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from './xlsx-reader.js';

async function workbookOf(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Một');
  rows.forEach((row, index) => {
    sheet.getRow(index + 1).values = [...row];
  });
  workbook.addWorksheet('Hai').addRow(['never read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('xlsx reader', () => {
  it("reads the first sheet's non-empty rows as plain values, with Excel's row numbers", async () => {
    const file = await workbookOf([
      ['A', 1],
      [null, '  '],
      [{ richText: [{ text: ' Sở ' }, { text: 'Nội vụ' }] }, { formula: '1+1', result: 2 }, 'cut off'],
    ]);
    const rows = await readSheetRows(file, 2);
    expect(rows.map((row) => [row.row, row.cells.map((cell) => cell.value)])).toEqual([
      [1, ['A', 1]],
      [3, ['Sở Nội vụ', 2]],
    ]);
  });

  it('refuses a file that is not a workbook as validation-failed on /file', async () => {
    await expect(readSheetRows(Buffer.from('not a zip'), 2)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [{ pointer: '/file', detail: 'not an .xlsx workbook' }],
    });
  });
});
