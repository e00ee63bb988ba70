import type { Kysely } from 'kysely';
import { CangError } from '../core/index.js';
import type { Database, SteeringUnitTable } from '../store/index.js';
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
