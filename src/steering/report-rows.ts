import type { Kysely } from 'kysely';
import { CangError, type FieldProblems } from '../core/index.js';
import type { Database, SteeringReportTable } from '../store/index.js';
import { findAttachment } from './attachment-commands.js';
import { requirePeriod } from './period-input.js';
import { reportDeadline } from './report-deadline.js';
import type { ReportInput, ReportStatus, ReportView } from './report-schemas.js';

type ReportItem = NonNullable<ReportInput['items']>[number];

/** Reads a report row or throws `not-found`. */
export async function requireReport(db: Kysely<Database>, id: string): Promise<SteeringReportTable> {
  const row = await db.selectFrom('steering_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No report ${id}`);
  return row;
}

/** Presents a report row with its items. */
export async function presentReport(db: Kysely<Database>, row: SteeringReportTable): Promise<ReportView> {
  const items = await db
    .selectFrom('steering_report_items')
    .selectAll()
    .where('report_id', '=', row.id)
    .orderBy('task_id')
    .execute();
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    unitId: row.unit_id,
    period: row.period,
    deadline: reportDeadline(requirePeriod(row.period)),
    status: row.status as ReportStatus,
    narrative: row.narrative,
    returnComment: row.return_comment,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by,
    items: items.map((item) => ({
      taskId: item.task_id,
      progress: item.progress,
      narrative: item.narrative,
      evidenceIds: JSON.parse(item.evidence_ids) as string[],
    })),
  };
}

/** Checks report lines: each names a task the unit leads, once, with evidence that exists. */
export async function checkItems(
  db: Kysely<Database>,
  unitId: string,
  items: readonly ReportItem[],
  problems: FieldProblems,
): Promise<void> {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const pointer = `/items/${index}`;
    if (seen.has(item.taskId)) problems.add(`${pointer}/taskId`, 'names a task already reported on');
    seen.add(item.taskId);
    const task = await db
      .selectFrom('steering_tasks')
      .select('lead_unit_id')
      .where('id', '=', item.taskId)
      .executeTakeFirst();
    if (task === undefined) problems.add(`${pointer}/taskId`, `no task ${item.taskId}`);
    else if (task.lead_unit_id !== unitId) problems.add(`${pointer}/taskId`, `is not led by ${unitId}`);
    for (const [j, evidenceId] of (item.evidenceIds ?? []).entries()) {
      if ((await findAttachment(db, evidenceId)) === undefined) {
        problems.add(`${pointer}/evidenceIds/${j}`, `no attachment ${evidenceId}`);
      }
    }
  }
}

/** Replaces a report's lines. */
export async function writeItems(
  db: Kysely<Database>,
  reportId: string,
  items: readonly ReportItem[],
): Promise<void> {
  await db.deleteFrom('steering_report_items').where('report_id', '=', reportId).execute();
  for (const item of items) {
    await db
      .insertInto('steering_report_items')
      .values({
        report_id: reportId,
        task_id: item.taskId,
        progress: item.progress,
        narrative: item.narrative ?? null,
        evidence_ids: JSON.stringify(item.evidenceIds ?? []),
      })
      .execute();
  }
}
