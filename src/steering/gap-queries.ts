import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { GapsQuery, GapsView } from './gap-schemas.js';
import { reportingStatus } from './reporting-status.js';
import { presentTask } from './task-rows.js';
import { isOverdue } from './task-status.js';
import { byKindThenName, formerProvinceUnitIds, takesPartDuring } from './unit-rows.js';

/**
 * The units with a committee on a date: one whose earliest decision or earliest role begins on or
 * before it (a committee with neither is counted, as recorded without dates).
 */
async function unitsWithCommitteeOn(db: Kysely<Database>, asOf: string): Promise<Set<string>> {
  const committees = await db.selectFrom('steering_committees').select(['id', 'unit_id']).execute();
  const firstDates = new Map<string, string>();
  const decisions = await db
    .selectFrom('steering_committee_decisions')
    .select(['committee_id', 'date'])
    .execute();
  const members = await db
    .selectFrom('steering_committee_members')
    .select(['committee_id', 'from_date as date'])
    .execute();
  for (const { committee_id: id, date } of [...decisions, ...members]) {
    const first = firstDates.get(id);
    if (first === undefined || date < first) firstDates.set(id, date);
  }
  return new Set(
    committees
      .filter((committee) => (firstDates.get(committee.id) ?? asOf) <= asOf)
      .map((committee) => committee.unit_id),
  );
}

/**
 * The gaps on a date: the city's units taking part in steering then (takesPartDuring; another
 * province's units before it merged into the city are not the city's) with no committee on the date, or no adopted plan (a document of kind
 * 'plan' issued by or for the unit, dated on or before the date); tasks overdue then; and, for a
 * period, who is late or missing with their report. `level` narrows every list to one kind of unit.
 */
export async function findGaps(db: Kysely<Database>, query: GapsQuery, today: string): Promise<GapsView> {
  const asOf = query.asOf ?? today;
  const rows = await db.selectFrom('steering_units').selectAll().execute();
  const former = formerProvinceUnitIds(rows);
  const units = rows
    .filter((unit) => !former.has(unit.id) && takesPartDuring(unit, asOf, asOf))
    .filter((unit) => query.level === undefined || unit.kind === query.level)
    .sort(byKindThenName);
  const committees = await unitsWithCommitteeOn(db, asOf);
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
  // With a level, the overdue tasks are those its units lead.
  const leads = new Set(rows.filter((unit) => unit.kind === query.level).map((unit) => unit.id));
  return {
    asOf,
    unitsWithoutCommittee: units.filter((unit) => !committees.has(unit.id)).map(ref),
    unitsWithoutPlan: units.filter((unit) => !plans.has(unit.id)).map(ref),
    overdueTasks: tasks
      .filter((task) => isOverdue(task, asOf) && (query.level === undefined || leads.has(task.lead_unit_id)))
      .map((task) => presentTask(task, asOf)),
    reporting: query.period === undefined ? null : await reportingStatus(db, query.period, asOf, query.level),
  };
}
