import type { XlsxReadLimits } from './xlsx-limits.js';
import { readWorkbookPart } from './xlsx-parts.js';
import { readSheet, type SheetRow, sheetContext } from './xlsx-sheet-rows.js';
import { openZipEntries } from './zip-entries.js';

/** What to read of a workbook: the first sheet's first `columns` cells, or every sheet whole. */
export type XlsxReadRequest =
  | { readonly sheets: 'first'; readonly columns: number }
  | { readonly sheets: 'all' };

/** A sheet as read: its name and its non-empty rows. */
export interface ReadSheet {
  readonly name: string;
  readonly rows: SheetRow[];
}

/**
 * Parses a workbook within the limits, in the calling thread; throws an XlsxRefusal when it is too
 * large or not an .xlsx workbook. Callers run it in a parse thread (xlsx-reader.ts), not on the
 * server's own thread.
 */
export async function parseWorkbook(
  file: Buffer,
  request: XlsxReadRequest,
  limits: XlsxReadLimits,
): Promise<ReadSheet[]> {
  const entries = await openZipEntries(file, limits);
  try {
    const workbook = await readWorkbookPart(entries);
    const context = await sheetContext(entries, workbook);
    const wanted = request.sheets === 'first' ? workbook.sheets.slice(0, 1) : workbook.sheets;
    const columns = request.sheets === 'first' ? request.columns : undefined;
    const sheets: ReadSheet[] = [];
    for (const sheet of wanted) {
      sheets.push({ name: sheet.name, rows: await readSheet(entries, sheet.path, context, columns, limits) });
    }
    return sheets;
  } finally {
    entries.close();
  }
}
