import type { Kysely } from 'kysely';
import { CangError, uuidV7 } from '../core/index.js';
import type { Database, SteeringTaskTable } from '../store/index.js';
import type { TaskChangeView, TaskView } from './task-schemas.js';
import { isDueSoon, isOverdue, type TaskStatus } from './task-status.js';

/** Presents a task row as of a date. */
export function presentTask(row: SteeringTaskTable, asOf: string): TaskView {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    code: row.code,
    title: row.title,
    expectedOutput: row.expected_output,
    leadUnitId: row.lead_unit_id,
    coordinatingUnitIds: JSON.parse(row.coordinating_unit_ids) as string[],
    startDate: row.start_date,
    deadline: row.deadline,
    fundingSource: row.funding_source,
    weight: row.weight,
    status: row.status as TaskStatus,
    progress: row.progress,
    overdue: isOverdue(row, asOf),
    dueSoon: isDueSoon(row, asOf),
    sample: row.sample === 1,
  };
}

/** Reads a task row or throws `not-found`. */
export async function requireTask(db: Kysely<Database>, id: string): Promise<SteeringTaskTable> {
  const row = await db.selectFrom('steering_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No task ${id}`);
  return row;
}

/** The fields of a task row that its history follows, by API name. */
const TRACKED: readonly (readonly [string, keyof SteeringTaskTable])[] = [
  ['groupId', 'group_id'],
  ['code', 'code'],
  ['title', 'title'],
  ['expectedOutput', 'expected_output'],
  ['leadUnitId', 'lead_unit_id'],
  ['coordinatingUnitIds', 'coordinating_unit_ids'],
  ['startDate', 'start_date'],
  ['deadline', 'deadline'],
  ['fundingSource', 'funding_source'],
  ['weight', 'weight'],
  ['status', 'status'],
  ['progress', 'progress'],
];

/** The changed fields between two versions of a task row (`before` undefined for a new task). */
export function diffTask(
  before: SteeringTaskTable | undefined,
  after: SteeringTaskTable,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [name, column] of TRACKED) {
    const from = before === undefined ? null : before[column];
    const to = after[column];
    if (from !== to) {
      const decode = (v: unknown) =>
        column === 'coordinating_unit_ids' && typeof v === 'string' ? JSON.parse(v) : v;
      changes[name] = { from: decode(from), to: decode(to) };
    }
  }
  return changes;
}

/** Appends one entry to a task's history, unless nothing changed. */
export async function recordTaskChange(
  db: Kysely<Database>,
  entry: {
    taskId: string;
    actor: string;
    at: number;
    source: 'create' | 'update' | 'report' | 'import';
    reportId?: string;
    changes: Record<string, { from: unknown; to: unknown }>;
  },
): Promise<void> {
  if (Object.keys(entry.changes).length === 0) return;
  const last = await db
    .selectFrom('steering_task_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('task_id', '=', entry.taskId)
    .executeTakeFirst();
  await db
    .insertInto('steering_task_history')
    .values({
      id: uuidV7(entry.at),
      task_id: entry.taskId,
      seq: Number(last?.seq ?? 0) + 1,
      at: entry.at,
      actor: entry.actor,
      source: entry.source,
      report_id: entry.reportId ?? null,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}

/** Reads a task's history, oldest first. */
export async function readTaskHistory(db: Kysely<Database>, taskId: string): Promise<TaskChangeView[]> {
  const rows = await db
    .selectFrom('steering_task_history')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    source: row.source,
    reportId: row.report_id,
    changes: JSON.parse(row.changes) as TaskChangeView['changes'],
  }));
}
