import { type CellValue, plainCell } from './xlsx-cells.js';
import { type XlsxReadLimits, XlsxRefusal } from './xlsx-limits.js';
import { dateOfSerial, formatCode, isDateFormat } from './xlsx-number-formats.js';
import {
  readSharedStrings,
  readStylesPart,
  scanPart,
  TextCollector,
  type WorkbookPart,
} from './xlsx-parts.js';
import type { ZipEntries } from './zip-entries.js';

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

const EMPTY: SheetCell = Object.freeze({ value: null, numFmt: '' });

/** The zero-based column of a cell reference ('AB12' → 27), or undefined when it has none. */
function columnOfReference(reference: string | undefined): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/.exec(reference ?? '')?.[1];
  if (letters === undefined) return undefined;
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly formatOfStyle: (style: number) => string;
  readonly date1904: boolean;
}

/** Loads the shared strings and number formats a workbook's sheets refer to. */
export async function sheetContext(entries: ZipEntries, workbook: WorkbookPart): Promise<SheetContext> {
  const styles = await readStylesPart(entries, workbook.styles);
  return {
    sharedStrings: await readSharedStrings(entries, workbook.sharedStrings),
    formatOfStyle: (style) => formatCode(styles.formatIdOfStyle[style] ?? 0, styles.customFormats),
    date1904: workbook.date1904,
  };
}

/** A cell's value from its type (`t`), its `<v>` text or inline text, and its number format. */
function cellValue(
  type: string,
  raw: string,
  inline: string,
  numFmt: string,
  context: SheetContext,
): CellValue {
  switch (type) {
    case 's':
      return context.sharedStrings[Number(raw)] ?? null;
    case 'inlineStr':
      return inline;
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return null;
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return null;
      return isDateFormat(numFmt) ? dateOfSerial(number, context.date1904) : number;
    }
  }
}

/**
 * Streams a sheet's non-empty rows: the first `columns` cells of each (every cell up to the last
 * filled one when `columns` is undefined). A row whose cells are all empty is skipped; one row past
 * `limits.maxRows` stops the read as too large, before the rest of the sheet is inflated.
 */
export async function readSheet(
  entries: ZipEntries,
  path: string,
  context: SheetContext,
  columns: number | undefined,
  limits: XlsxReadLimits,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const text = new TextCollector();
  let rowNumber = 0;
  let cells: SheetCell[] = [];
  let cell: { column: number; type: string; numFmt: string } | undefined;
  let nextColumn = 0;
  let inValue = false;
  let raw = '';
  await scanPart(entries, path, {
    open(name, attributes) {
      if (name === 'row') {
        const declared = Number(attributes.get('r'));
        rowNumber = Number.isInteger(declared) && declared > 0 ? declared : rowNumber + 1;
        cells = [];
        nextColumn = 0;
      } else if (name === 'c') {
        const column = columnOfReference(attributes.get('r')) ?? nextColumn;
        nextColumn = column + 1;
        const numFmt = context.formatOfStyle(Number(attributes.get('s') ?? 0));
        cell = { column, type: attributes.get('t') ?? 'n', numFmt };
        raw = '';
        text.take();
      } else if (name === 'v' && cell !== undefined) inValue = true;
      else if (cell !== undefined) text.open(name);
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell !== undefined) {
        if (columns === undefined || cell.column < columns) {
          const value = plainCell(cellValue(cell.type, raw, text.take(), cell.numFmt, context));
          cells[cell.column] = value === null ? EMPTY : { value, numFmt: cell.numFmt };
        }
        cell = undefined;
      } else if (name === 'row') {
        const width = columns ?? cells.length;
        const full = Array.from({ length: width }, (_, index) => cells[index] ?? EMPTY);
        if (full.every((each) => each.value === null || each.value === '')) return;
        rows.push({ row: rowNumber, cells: full });
        if (rows.length > limits.maxRows)
          throw new XlsxRefusal('too-large', `the sheet has more than ${limits.maxRows} rows`);
      } else if (cell !== undefined) text.close(name);
    },
    text(chunk) {
      if (inValue) raw += chunk;
      else text.text(chunk);
    },
  });
  return rows;
}
