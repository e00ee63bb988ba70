import { describe, expect, it } from 'vitest';
import { buildSheetFile } from '../test-support/xlsx-files.js';
import { buildRawWorkbook } from '../test-support/zip-files.js';
import { readSheetRows } from './xlsx-reader.js';

describe('xlsx reader', () => {
  it("reads the first sheet's non-empty rows as plain values, with Excel's row numbers", async () => {
    const file = buildRawWorkbook({
      sharedStrings: [
        '<si><t>A</t></si>',
        '<si><r><t xml:space="preserve"> Sở </t></r><r><t>Nội vụ</t></r><rPh><t>x</t></rPh></si>',
      ],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>' +
        '<row r="2"><c r="B2" t="inlineStr"><is><t>  </t></is></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" t="str"><v>cut off</v></c></row>' +
        '<row r="5"><c r="B5" t="inlineStr"><is><t>Ha&#x300;&lt;i&gt;_x000D_</t></is></c></row>',
    });
    const rows = await readSheetRows(file, 2);
    expect(rows.map((row) => [row.row, row.cells.map((cell) => cell.value)])).toEqual([
      [1, ['A', 1]],
      [3, ['Sở Nội vụ', 2]],
      [5, [null, 'Hà<i>']],
    ]);
  });

  it('reads date cells as dates and keeps the number format of percent cells', async () => {
    const file = buildRawWorkbook({
      styles:
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs>',
      sheetData: '<row r="1"><c r="A1" s="1"><v>45658</v></c><c r="B1" s="2"><v>0.45</v></c></row>',
    });
    const [row] = await readSheetRows(file, 2);
    expect(row!.cells).toEqual([
      { value: new Date('2025-01-01T00:00:00Z'), numFmt: 'dd/mm/yyyy' },
      { value: 0.45, numFmt: '0%' },
    ]);
  });

  it('reads what a spreadsheet program writes, from its first sheet only', async () => {
    const file = await buildSheetFile('Số liệu', [
      ['Mã', 'Ngày'],
      ['CQS-03', new Date('2025-07-01T00:00:00Z')],
    ]);
    const rows = await readSheetRows(file, 3);
    expect(rows.map((row) => row.cells.map((cell) => cell.value))).toEqual([
      ['Mã', 'Ngày', null],
      ['CQS-03', new Date('2025-07-01T00:00:00Z'), null],
    ]);
  });

  it('refuses a file that is not a workbook as validation-failed on /file', async () => {
    await expect(readSheetRows(Buffer.from('not a zip'), 2)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [{ pointer: '/file', detail: 'not an .xlsx workbook' }],
    });
  });
});
