import type { FieldProblems } from '../../core/index.js';
import { numberCell, textCell } from '../spreadsheets/xlsx-cells.js';
import { readSheetRows } from '../spreadsheets/xlsx-reader.js';

/**
 * The columns of a component sheet, as in a decision's appendix: main index code, component code, name,
 * maximum points (empty where not known).
 */
export const COMPONENT_COLUMNS = ['index', 'code', 'name', 'maxPoints'] as const;

/** One component read from a sheet, with the row Excel shows. */
export interface ComponentRow {
  readonly row: number;
  readonly parentCode: string;
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number | null;
}

const MAX_ROWS = 500;

/**
 * Reads a component sheet (a first row that does not start with an index code is the header), putting
 * each bad cell in `problems` at `/rows/{row}/{column}`. Which index codes exist is the caller's check.
 */
export async function readComponentSheet(file: Uint8Array, problems: FieldProblems): Promise<ComponentRow[]> {
  const rows: ComponentRow[] = [];
  const sheet = await readSheetRows(file, COMPONENT_COLUMNS.length);
  if (sheet.length > MAX_ROWS + 1) problems.add('/file', `more than ${MAX_ROWS} rows`);
  for (const { row, cells } of sheet.slice(0, MAX_ROWS + 1)) {
    const text = (index: number): string => textCell(cells[index]?.value ?? null);
    if (row === 1 && !/^[A-Z]{2,6}$/.test(text(0))) continue;
    const pointer = (column: (typeof COMPONENT_COLUMNS)[number]) => `/rows/${row}/${column}`;
    const parentCode = text(0);
    const code = text(1);
    const name = text(2);
    const rawPoints = cells[3]?.value ?? null;
    const maxPoints = rawPoints === null || rawPoints === '' ? null : (numberCell(rawPoints) ?? Number.NaN);
    if (!/^[A-Z]{2,6}$/.test(parentCode)) problems.add(pointer('index'), 'is not a main index code');
    if (!/^[A-Z]{2,6}\.[0-9A-Za-z]{1,6}$/.test(code))
      problems.add(pointer('code'), 'is not a component code such as NT.01');
    else if (!code.startsWith(`${parentCode}.`))
      problems.add(pointer('code'), `does not belong to main index ${parentCode}`);
    if (name === '' || name.length > 500) problems.add(pointer('name'), 'must have 1 to 500 characters');
    if (maxPoints !== null && !(maxPoints >= 0 && maxPoints <= 10_000))
      problems.add(pointer('maxPoints'), 'must be a number of points from 0, or empty');
    if (rows.some((other) => other.code === code))
      problems.add(pointer('code'), `${code} is given twice in the sheet`);
    rows.push({ row, parentCode, code, name, maxPoints: Number.isNaN(maxPoints) ? null : maxPoints });
  }
  return rows;
}
