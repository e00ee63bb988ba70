import ExcelJS from 'exceljs';

/** Builds an .xlsx import file: a header row, then the given rows. */
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
