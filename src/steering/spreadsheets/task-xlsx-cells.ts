import { isCalendarDate } from '../calendar-date.js';
import { TASK_SHEET_COLUMNS } from './task-sheet-columns.js';
import { numberCell } from './xlsx-cells.js';
import { readSheetRows, type SheetCell, type SheetRow } from './xlsx-reader.js';

/** More rows than this is not a task list but a mistake; refuse it before touching the store. */
export const MAX_IMPORT_ROWS = 2000;

/**
 * Reads the first sheet's non-empty rows (all thirteen columns), or throws `validation-failed`, or
 * `spreadsheet-too-large` past MAX_IMPORT_ROWS (the read stops there).
 */
export function readTaskSheet(file: Uint8Array): Promise<SheetRow[]> {
  return readSheetRows(file, TASK_SHEET_COLUMNS.length, { maxRows: MAX_IMPORT_ROWS });
}

/** A cell as trimmed NFC text ('' when empty); numbers as written. */
export function cellText(cell: SheetCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize('NFC').trim();
}

// Excel's day 0 for the 1900 date system, allowing for its phantom 29 February 1900.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A cell as a calendar date 'YYYY-MM-DD': a date cell, 'YYYY-MM-DD' text, Vietnamese 'dd/mm/yyyy'
 * (also with '.' or '-'), or an Excel serial number; undefined when it is none of them.
 */
export function cellDate(cell: SheetCell | undefined): string | undefined {
  const value = cell?.value ?? null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return undefined;
    return new Date(EXCEL_EPOCH_MS + value * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  if (isCalendarDate(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match === null) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** A cell as a number; text may use a decimal comma; a percent-formatted cell or "45%" gives 45. */
export function cellNumber(cell: SheetCell | undefined): number | undefined {
  const value = cell?.value ?? null;
  if (typeof value === 'number') return cell!.numFmt.includes('%') ? Math.round(value * 10000) / 100 : value;
  const text = cellText(cell);
  return numberCell(text.endsWith('%') ? text.slice(0, -1).trim() : text);
}
