import type { FieldProblems } from '../core/index.js';
import type { Kysely } from 'kysely';
import type { Database, SteeringTaskTable } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import { DEFAULT_PROGRESS, type TaskStatus } from './task-status.js';
import { activeOn, findUnit } from './unit-rows.js';

/**
 * Why a unit cannot lead (or coordinate) work starting on a date, or undefined when it can. A unit
 * that was merged or renamed names its successor, so the caller knows whom to assign instead.
 */
export async function unitProblem(
  db: Kysely<Database>,
  unitId: string,
  date: string,
): Promise<string | undefined> {
  const unit = await findUnit(db, unitId);
  if (unit === undefined) return `no unit ${unitId}`;
  if (activeOn(unit, date)) return undefined;
  if (date < unit.valid_from) return `${unit.name} exists only from ${unit.valid_from}`;
  const successor = unit.successor_id === null ? undefined : await findUnit(db, unit.successor_id);
  const ended = unit.valid_to ?? date;
  const next = new Date(Date.parse(`${ended}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (successor !== undefined) return `${unit.name} was merged into ${successor.name} on ${next}`;
  // A unit split between several successors names them from its merger events.
  const parts = await db
    .selectFrom('steering_unit_events')
    .innerJoin('steering_units', 'steering_units.id', 'steering_unit_events.successor_id')
    .select('steering_units.name')
    .where('steering_unit_events.unit_id', '=', unitId)
    .where('steering_unit_events.kind', '=', 'merged')
    .execute();
  parts.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return parts.length === 0
    ? `${unit.name} ceased to exist on ${next}`
    : `${unit.name} was split between ${parts.map((part) => part.name).join(', ')} on ${next}`;
}

/**
 * Checks a task as it would be stored: real dates, deadline not before the start, a lead unit that
 * exists on the date the work is assigned from (`assignedOn`), coordinating units that exist then too, and a
 * progress that agrees with the status. Adds a problem per bad field.
 */
export async function checkTask(
  db: Kysely<Database>,
  row: SteeringTaskTable,
  assignedOn: string,
  problems: FieldProblems,
): Promise<void> {
  if (!isCalendarDate(row.start_date)) problems.add('/startDate', 'is not a calendar date');
  if (!isCalendarDate(row.deadline)) problems.add('/deadline', 'is not a calendar date');
  else if (row.deadline < row.start_date) problems.add('/deadline', 'must not be before startDate');
  const lead = await unitProblem(db, row.lead_unit_id, assignedOn);
  if (lead !== undefined) problems.add('/leadUnitId', lead);
  const coordinating = JSON.parse(row.coordinating_unit_ids) as string[];
  for (const [index, unitId] of coordinating.entries()) {
    const problem = await unitProblem(db, unitId, assignedOn);
    if (problem !== undefined) problems.add(`/coordinatingUnitIds/${index}`, problem);
    else if (unitId === row.lead_unit_id) problems.add(`/coordinatingUnitIds/${index}`, 'is the lead unit');
  }
  if (row.status === 'completed' && row.progress !== 100)
    problems.add('/progress', 'must be 100 for a completed task');
  if (row.status === 'not-started' && row.progress !== 0)
    problems.add('/progress', 'must be 0 for a not-started task');
}

/**
 * The status and progress after a change: a new status without a progress takes the status's default
 * progress; a progress without a status moves a not-started task to in-progress and a task at 100 to
 * completed.
 */
export function settleProgress(
  current: { status: string; progress: number },
  change: { status?: TaskStatus | undefined; progress?: number | undefined },
): { status: string; progress: number } {
  if (change.status !== undefined && change.progress === undefined) {
    return { status: change.status, progress: DEFAULT_PROGRESS[change.status] ?? current.progress };
  }
  if (change.status === undefined && change.progress !== undefined) {
    const progress = change.progress;
    let status = current.status;
    if (progress === 100 && (status === 'not-started' || status === 'in-progress')) status = 'completed';
    else if (progress > 0 && (status === 'not-started' || status === 'completed')) status = 'in-progress';
    else if (progress === 0 && status === 'in-progress') status = 'not-started';
    return { status, progress };
  }
  return { status: change.status ?? current.status, progress: change.progress ?? current.progress };
}
