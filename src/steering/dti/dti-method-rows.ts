import type { Kysely } from 'kysely';
import { CangError } from '../../core/index.js';
import type { Database, SteeringDtiMethodItemTable, SteeringDtiMethodTable } from '../../store/index.js';
import type { DtiItemView, DtiMethodView } from './dti-method-schemas.js';
import { type DtiScoringIndex, pointsStatusOf } from './dti-score.js';

/** A method row with its items in order. */
export interface DtiMethodRecord {
  readonly row: SteeringDtiMethodTable;
  readonly items: readonly SteeringDtiMethodItemTable[];
}

/** The main indices of a method record, as a score reads them. */
export const mainIndices = (record: DtiMethodRecord): DtiScoringIndex[] =>
  record.items.filter((item) => item.parent_code === null).map(scoringIndexOf);

/** An item row as a score reads it. */
export const scoringIndexOf = (item: SteeringDtiMethodItemTable): DtiScoringIndex => ({
  code: item.code,
  name: item.name,
  maxPoints: item.max_points,
  weight: item.weight,
  pointsConfirmed: item.points_confirmed === 1,
});

async function withItems(db: Kysely<Database>, row: SteeringDtiMethodTable): Promise<DtiMethodRecord> {
  const items = await db
    .selectFrom('steering_dti_method_items')
    .selectAll()
    .where('method_id', '=', row.id)
    .orderBy('position')
    .orderBy('code')
    .execute();
  return { row, items };
}

/** The method of a code, or `not-found`. */
export async function requireMethod(db: Kysely<Database>, code: string): Promise<DtiMethodRecord> {
  const row = await db
    .selectFrom('steering_dti_methods')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No DTI method ${code}`);
  return withItems(db, row);
}

/** The method by id (a campaign's). */
export async function methodById(db: Kysely<Database>, id: string): Promise<DtiMethodRecord> {
  const row = await db
    .selectFrom('steering_dti_methods')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return withItems(db, row);
}

/**
 * The method serving an assessment year, or `validation-failed` at `pointer` naming the years the
 * methods do cover.
 */
export async function methodForYear(
  db: Kysely<Database>,
  year: number,
  pointer = '/year',
): Promise<DtiMethodRecord> {
  const rows = await db.selectFrom('steering_dti_methods').selectAll().orderBy('first_year').execute();
  const row = rows.find((r) => r.first_year <= year && (r.last_year === null || year <= r.last_year));
  if (row === undefined) {
    const spans = rows.map((r) => `${r.code} ${r.first_year}–${r.last_year ?? ''}`).join(', ');
    throw new CangError('validation-failed', `No DTI method covers ${year}`, {
      errors: [{ pointer, detail: `no DTI method covers ${year} (${spans || 'none recorded'})` }],
    });
  }
  return withItems(db, row);
}

function presentItem(item: SteeringDtiMethodItemTable): DtiItemView {
  return {
    code: item.code,
    parentCode: item.parent_code,
    name: item.name,
    group: item.index_group as DtiItemView['group'],
    maxPoints: item.max_points,
    weight: item.weight,
    pointsConfirmed: item.points_confirmed === 1,
    confirmedBy: item.confirmed_by,
    confirmedAt: item.confirmed_at === null ? null : new Date(Number(item.confirmed_at)).toISOString(),
  };
}

/** Presents a method record: its main indices, then its components in order. */
export function presentMethod({ row, items }: DtiMethodRecord): DtiMethodView {
  const indices = items.filter((item) => item.parent_code === null);
  return {
    code: row.code,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    title: row.title,
    firstYear: row.first_year,
    lastYear: row.last_year,
    note: row.note,
    pointsStatus: pointsStatusOf(indices.map(scoringIndexOf)),
    indices: indices.map(presentItem),
    components: items.filter((item) => item.parent_code !== null).map(presentItem),
  };
}
