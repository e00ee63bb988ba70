import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { GapsQuery, GapsView } from './gap-schemas.js';
import { reportingStatus } from './reporting-status.js';
import { presentTask } from './task-rows.js';
import { isOverdue } from './task-status.js';
import { activeOn, byKindThenName } from './unit-rows.js';

/** Kinds of unit expected to have their own committee and plan (communes are not seeded). */
const EXPECTED_KINDS: ReadonlySet<string> = new Set(['city', 'department', 'district', 'commune']);

/**
 * The gaps on a date: units existing then with no committee, or no adopted plan (a document of kind
 * 'plan' issued by or for the unit, dated on or before the date); tasks overdue then; and, for a
 * period, who is late or missing with their report.
 */
export async function findGaps(db: Kysely<Database>, query: GapsQuery, today: string): Promise<GapsView> {
  const asOf = query.asOf ?? today;
  const units = (await db.selectFrom('steering_units').selectAll().execute())
    .filter((unit) => EXPECTED_KINDS.has(unit.kind) && activeOn(unit, asOf))
    .sort(byKindThenName);
  const committees = new Set(
    (await db.selectFrom('steering_committees').select('unit_id').execute()).map((row) => row.unit_id),
  );
  const plans = new Set(
    (
      await db
        .selectFrom('steering_documents')
        .select('unit_id')
        .where('kind', '=', 'plan')
        .where('date', '<=', asOf)
        .execute()
    ).map((row) => row.unit_id),
  );
  const ref = (unit: { id: string; name: string; kind: string }) => ({
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
  });
  const tasks = await db
    .selectFrom('steering_tasks')
    .selectAll()
    .orderBy('deadline')
    .orderBy('code')
    .execute();
  return {
    asOf,
    unitsWithoutCommittee: units.filter((unit) => !committees.has(unit.id)).map(ref),
    unitsWithoutPlan: units.filter((unit) => !plans.has(unit.id)).map(ref),
    overdueTasks: tasks.filter((task) => isOverdue(task, asOf)).map((task) => presentTask(task, asOf)),
    reporting: query.period === undefined ? null : await reportingStatus(db, query.period, asOf),
  };
}
