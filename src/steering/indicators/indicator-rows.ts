import type { Kysely } from 'kysely';
import { CangError } from '../../core/index.js';
import type {
  Database,
  SteeringIndicatorTable,
  SteeringIndicatorTargetTable,
  SteeringIndicatorValueTable,
  SteeringUnitTable,
} from '../../store/index.js';
import type { UnitKind } from '../unit-kinds.js';
import type { IndicatorView, ValueView } from './indicator-schemas.js';

/** The columns of `steering_units` that indicators read. */
export type UnitRow = Pick<
  SteeringUnitTable,
  'id' | 'name' | 'kind' | 'valid_from' | 'valid_to' | 'organisation_id'
>;

/** The columns of `steering_units` that indicators read, for `select`. */
export const UNIT_COLUMNS = ['id', 'name', 'kind', 'valid_from', 'valid_to', 'organisation_id'] as const;

/** Reads a unit or throws `not-found`. */
export async function requireUnit(db: Kysely<Database>, id: string): Promise<UnitRow> {
  const unit = await db
    .selectFrom('steering_units')
    .select(UNIT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (unit === undefined) throw new CangError('not-found', `No steering unit ${id}`);
  return unit;
}

/** Reads an indicator row or throws `not-found`. */
export async function requireIndicator(db: Kysely<Database>, code: string): Promise<SteeringIndicatorTable> {
  const row = await db
    .selectFrom('steering_indicators')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No indicator ${code}`);
  return row;
}

/** The unit kinds an indicator applies to. */
export const levelsOf = (row: Pick<SteeringIndicatorTable, 'levels'>): UnitKind[] =>
  JSON.parse(row.levels) as UnitKind[];

/** Presents an indicator row with its targets. */
export function presentIndicator(
  row: SteeringIndicatorTable,
  targets: readonly SteeringIndicatorTargetTable[],
): IndicatorView {
  return {
    code: row.code,
    name: row.name,
    pillar: row.pillar,
    unit: row.measure_unit,
    direction: row.direction,
    levels: levelsOf(row),
    weight: row.weight,
    baseline:
      row.baseline_value === null || row.baseline_year === null
        ? null
        : { value: row.baseline_value, year: row.baseline_year },
    measure: row.measure,
    note: row.note,
    targets: targets
      .filter((target) => target.indicator_code === row.code)
      .map((target) => ({ level: target.level as UnitKind | '*', year: target.year, target: target.target }))
      .sort((a, b) => a.year - b.year || a.level.localeCompare(b.level)),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Presents a value row. */
export function presentValue(row: SteeringIndicatorValueTable): ValueView {
  return {
    indicatorCode: row.indicator_code,
    unitId: row.unit_id,
    period: row.period,
    value: row.value,
    source: row.source,
    evidenceNote: row.evidence_note,
    attachmentId: row.attachment_id,
    recordedBy: row.recorded_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
