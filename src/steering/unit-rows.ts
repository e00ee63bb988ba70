import type { Kysely } from 'kysely';
import { CangError } from '../core/index.js';
import type { Database, SteeringUnitTable } from '../store/index.js';
import { STEERING_SPANS, type UnitKind } from './unit-kinds.js';
import type { UnitView } from './unit-schemas.js';

/** Whether a unit row exists on a date (valid_from ≤ date ≤ valid_to). */
export function activeOn(row: Pick<SteeringUnitTable, 'valid_from' | 'valid_to'>, date: string): boolean {
  return row.valid_from <= date && (row.valid_to === null || date <= row.valid_to);
}

/** Whether a unit row exists on at least one day of [start, end]. */
export function activeDuring(
  row: Pick<SteeringUnitTable, 'valid_from' | 'valid_to'>,
  start: string,
  end: string,
): boolean {
  return row.valid_from <= end && (row.valid_to === null || start <= row.valid_to);
}

/**
 * Whether a unit takes part in steering on at least one day of [start, end]: it exists then, while its
 * kind is a steering level (STEERING_SPANS).
 */
export function takesPartDuring(
  row: Pick<SteeringUnitTable, 'kind' | 'valid_from' | 'valid_to'>,
  start: string,
  end: string,
): boolean {
  const span = STEERING_SPANS[row.kind as UnitKind] ?? {};
  const from = span.from !== undefined && span.from > start ? span.from : start;
  const to = span.to !== undefined && span.to < end ? span.to : end;
  return from <= to && activeDuring(row, from, to);
}

/** Presents a unit row, with whether it exists on a date. */
export function presentUnit(row: SteeringUnitTable, asOf: string): UnitView {
  return {
    id: row.id,
    adminCode: row.admin_code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    organisationId: row.organisation_id,
    note: row.note,
    active: activeOn(row, asOf),
  };
}

/** Reads a unit row, or undefined. */
export function findUnit(db: Kysely<Database>, id: string): Promise<SteeringUnitTable | undefined> {
  return db.selectFrom('steering_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads a unit row or throws `not-found`. */
export async function requireUnit(db: Kysely<Database>, id: string): Promise<SteeringUnitTable> {
  const row = await findUnit(db, id);
  if (row === undefined) throw new CangError('not-found', `No unit ${id}`);
  return row;
}

/** Reads every unit row. */
export function allUnits(db: Kysely<Database>): Promise<SteeringUnitTable[]> {
  return db.selectFrom('steering_units').selectAll().orderBy('id').execute();
}

const KIND_ORDER: Readonly<Record<string, number>> = { city: 0, department: 1, district: 2, commune: 3 };

/** Orders units as a committee reads them: the city, departments, districts, communes; then by name. */
export function byKindThenName(a: SteeringUnitTable, b: SteeringUnitTable): number {
  return (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name, 'vi');
}

/**
 * The units of provinces that merged into another (Hải Dương into Hải Phòng on 2025-07-01): every unit
 * below a top-level unit that has a successor. Before the merger they were another province's, so lists
 * of the city's units leave them out unless asked.
 */
export function formerProvinceUnitIds(
  rows: readonly Pick<SteeringUnitTable, 'id' | 'parent_id' | 'successor_id'>[],
): Set<string> {
  const former = new Set(
    rows.filter((row) => row.parent_id === null && row.successor_id !== null).map((row) => row.id),
  );
  let grown = true;
  while (grown) {
    grown = false;
    for (const row of rows) {
      if (row.parent_id !== null && former.has(row.parent_id) && !former.has(row.id)) {
        former.add(row.id);
        grown = true;
      }
    }
  }
  return former;
}
