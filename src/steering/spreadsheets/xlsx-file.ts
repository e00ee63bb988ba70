import type ExcelJS from 'exceljs';
import { withoutMarks } from '../../core/index.js';
import { localWallTime } from '../local-time.js';

/** A generated file and the name to offer it under. */
export interface GeneratedFile {
  /** ASCII only, safe inside a quoted Content-Disposition filename. */
  readonly fileName: string;
  readonly content: Buffer;
}

/** The media type of an .xlsx workbook. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text made safe for a file name: Vietnamese letters lose their marks, anything else becomes '-'. */
export function fileNamePart(text: string): string {
  return withoutMarks(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
}

/** A calendar date as a date cell (midnight UTC, which Excel shows as that day). */
export const dateCell = (date: string | null): Date | null =>
  date === null ? null : new Date(`${date}T00:00:00Z`);

/** An instant (Unix ms) as a date-time cell showing Hải Phòng's local time (Excel has no time zones). */
export const localTimeCell = (ms: number | null): Date | null => (ms === null ? null : localWallTime(ms));

/** Bold header row, frozen, with a filter over the columns. */
export function styleHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const columns = sheet.columnCount;
  if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/**
 * Text a spreadsheet will show as text: a leading = + - @ (or tab, carriage return) would make a program
 * that re-reads the cell, or the sheet saved as CSV, run it as a formula (CSV injection), so it gets an
 * apostrophe in front.
 */
export const formulaSafeText = (text: string | null): string | null =>
  text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
