import { CangError, type FieldProblem } from '../../core/index.js';
import type { Kysely } from 'kysely';
import type { AuditActor, Database, SteeringIndicatorValueTable } from '../../store/index.js';
import type { SteeringContext } from '../steering-context.js';
import { UNIT_COLUMNS } from '../indicators/indicator-rows.js';
import { checkValue, VERIFIED_STAYS, VERIFY_REFUSED } from '../indicators/value-rules.js';
import { upsertValues } from '../indicators/value-store.js';
import { numberCell, textCell } from './xlsx-cells.js';
import { readSheetRows } from './xlsx-reader.js';

/** The outcome of one spreadsheet row; `row` is the row number Excel shows. */
export interface ImportRowResult {
  readonly row: number;
  readonly ok: boolean;
  readonly reasons: FieldProblem[];
}

/** The outcome of an import: whether anything was written, how much, and every row's result. */
export interface ImportReport {
  readonly committed: boolean;
  readonly imported: number;
  readonly rows: ImportRowResult[];
}

/** How an import runs. */
export interface ImportOptions {
  /** Import the good rows even when some are bad; by default one bad row imports nothing. */
  readonly acceptValid?: boolean;
  /** Whether the caller may report for a unit (a unit reporter only for its own); every unit by default. */
  readonly mayReport?: (unitId: string) => boolean;
  /** Whether the caller may mark a unit's values verified (the secretariat's); nobody by default. */
  readonly mayVerify?: (unitId: string) => boolean;
}

/**
 * More rows than this is not one period's values but a mistake (or an attack): the read stops there
 * with `spreadsheet-too-large`. Every unit of the merged city times forty indicators is about 5,000.
 */
export const MAX_VALUE_IMPORT_ROWS = 10_000;

/** The columns of an import sheet, in order. */
export const IMPORT_COLUMNS = ['indicator', 'unit', 'period', 'value', 'source', 'evidence'] as const;

interface ParsedRow {
  readonly row: number;
  readonly code: string;
  readonly unitId: string;
  readonly period: string;
  readonly value: number | undefined;
  readonly source: string;
  readonly evidence: string;
}

/** The stored verified values among these indicators and units, as 'code unit period'. */
async function verifiedKeys(
  db: Kysely<Database>,
  codes: readonly string[],
  unitIds: readonly string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('steering_indicator_values')
    .select(['indicator_code', 'unit_id', 'period'])
    .where('source', '=', 'verified')
    .where('indicator_code', 'in', codes)
    .where('unit_id', 'in', unitIds)
    .execute();
  return new Set(rows.map((row) => `${row.indicator_code} ${row.unit_id} ${row.period}`));
}

async function readRows(file: Uint8Array): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for (const { row, cells } of await readSheetRows(file, IMPORT_COLUMNS.length, {
    maxRows: MAX_VALUE_IMPORT_ROWS,
  })) {
    const text = (index: number): string => textCell(cells[index]?.value ?? null);
    // A first row that does not start with an indicator code is the header.
    if (row === 1 && !/^[A-Z][A-Z0-9]{1,9}-[0-9]{2,3}$/.test(text(0))) continue;
    rows.push({
      row,
      code: text(0),
      unitId: text(1),
      period: text(2),
      value: numberCell(cells[3]?.value ?? null),
      source: text(4) || 'reported',
      evidence: text(5),
    });
  }
  return rows;
}

/**
 * Imports indicator values from the first sheet of an .xlsx file (columns: indicator code, unit code,
 * period, value, source, evidence; an optional header row) in one transaction. Every row is checked by
 * the same rules as a single value: a row may say 'verified' only when `mayVerify` allows it, and a
 * reported row never replaces a verified value (both refused on /source). A file with any bad row
 * imports nothing unless `acceptValid`, which imports the good rows and reports the others.
 */
export async function importValues(
  context: SteeringContext,
  actor: AuditActor,
  file: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const parsed = await readRows(file);
  if (parsed.length === 0) {
    throw new CangError('validation-failed', 'The sheet has no values', {
      errors: [{ pointer: '/file', detail: 'the first sheet has no value rows' }],
    });
  }
  return context.write<ImportReport>(actor, async (trx, now) => {
    const codes = [...new Set(parsed.map((row) => row.code))];
    const unitIds = [...new Set(parsed.map((row) => row.unitId))];
    const indicators = new Map(
      (await trx.selectFrom('steering_indicators').selectAll().where('code', 'in', codes).execute()).map(
        (i) => [i.code, i],
      ),
    );
    const units = new Map(
      (await trx.selectFrom('steering_units').select(UNIT_COLUMNS).where('id', 'in', unitIds).execute()).map(
        (unit) => [unit.id, unit],
      ),
    );
    const verified = await verifiedKeys(trx, codes, unitIds);
    const seen = new Map<string, number>();
    const results: ImportRowResult[] = [];
    const good: SteeringIndicatorValueTable[] = [];
    for (const row of parsed) {
      const key = { indicatorCode: row.code, unitId: row.unitId, period: row.period };
      const check = checkValue(key, row.value, indicators.get(row.code), units.get(row.unitId), { now });
      const reasons: FieldProblem[] = check.ok ? [] : [...check.problems];
      if (row.source !== 'reported' && row.source !== 'verified')
        reasons.push({ pointer: '/source', detail: "must be 'reported' or 'verified'" });
      if (row.source === 'verified' && !(options.mayVerify?.(row.unitId) ?? false))
        reasons.push({ pointer: '/source', detail: VERIFY_REFUSED });
      if (row.source === 'reported' && verified.has(`${row.code} ${row.unitId} ${row.period}`))
        reasons.push({ pointer: '/source', detail: VERIFIED_STAYS });
      if (row.evidence.length > 2000)
        reasons.push({ pointer: '/evidence', detail: 'longer than 2,000 characters' });
      if (options.mayReport !== undefined && units.has(row.unitId) && !options.mayReport(row.unitId))
        reasons.push({ pointer: '/unit', detail: `you may not report values for ${row.unitId}` });
      const first = seen.get(`${row.code} ${row.unitId} ${row.period}`);
      if (first !== undefined) reasons.push({ pointer: '/', detail: `the same value as row ${first}` });
      else seen.set(`${row.code} ${row.unitId} ${row.period}`, row.row);
      results.push({ row: row.row, ok: reasons.length === 0, reasons });
      if (reasons.length > 0) continue;
      good.push({
        period: row.period,
        indicator_code: row.code,
        unit_id: row.unitId,
        value: row.value!,
        source: row.source as 'reported' | 'verified',
        evidence_note: row.evidence === '' ? null : row.evidence,
        attachment_id: null,
        recorded_by: actor.id,
        created_at: now,
        updated_at: now,
      });
    }
    const commit = good.length > 0 && (good.length === parsed.length || options.acceptValid === true);
    if (!commit) return { result: { committed: false, imported: 0, rows: results }, audit: [] };
    await upsertValues(trx, good);
    return {
      result: { committed: true, imported: good.length, rows: results },
      audit: good.map((value) => ({
        action: 'indicator-value.import',
        resource: `${value.unit_id}/indicators/${value.indicator_code}/${value.period}`,
        details: { value: value.value, source: value.source, evidenceNote: value.evidence_note },
      })),
    };
  });
}
