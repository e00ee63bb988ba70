import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { calendarDateOf } from './local-time.js';
import { requirePeriod } from './period-input.js';
import { reportDeadline } from './report-deadline.js';
import type { ReportStatus, ReportingStatusView } from './report-schemas.js';
import { COMMUNE_LEVEL_FROM } from './unit-kinds.js';
import { byKindThenName, takesPartDuring } from './unit-rows.js';

/**
 * Who owes a report for a period and where each stands. A unit owes one when it exists during the
 * period and leads a task in play then (started by the period's end and either still open or due
 * after the period began), or when it has started a report anyway. From the commune level on, every
 * commune owes the report of each period within the level: the city program's tasks are led by the
 * agencies, and the communes report on their own committee and plan. `level` keeps one kind of unit.
 * A report submitted by the
 * deadline is on time, after it late; no submitted report once the deadline has passed is missing.
 */
export async function reportingStatus(
  db: Kysely<Database>,
  periodId: string,
  asOf: string,
  level?: string,
): Promise<ReportingStatusView> {
  const period = requirePeriod(periodId);
  const deadline = reportDeadline(period);
  const units = await db.selectFrom('steering_units').selectAll().execute();
  const tasks = await db
    .selectFrom('steering_tasks')
    .select(['lead_unit_id', 'start_date', 'deadline', 'status'])
    .where('start_date', '<=', period.end)
    .where('status', '!=', 'cancelled')
    .execute();
  const reports = await db
    .selectFrom('steering_reports')
    .selectAll()
    .where('period', '=', periodId)
    .execute();
  const owing = new Set(
    tasks
      .filter((task) => task.status !== 'completed' || task.deadline >= period.start)
      .map((task) => task.lead_unit_id),
  );
  for (const report of reports) owing.add(report.unit_id);
  // The communes of before the merger ended on 2025-06-30, so takesPartDuring leaves them out below.
  if (period.start >= COMMUNE_LEVEL_FROM) {
    for (const unit of units) if (unit.kind === 'commune') owing.add(unit.id);
  }
  const rows = units
    .filter((unit) => owing.has(unit.id) && takesPartDuring(unit, period.start, period.end))
    .filter((unit) => level === undefined || unit.kind === level)
    .sort(byKindThenName)
    .map((unit) => {
      const report = reports.find((r) => r.unit_id === unit.id);
      const submittedOn =
        report?.submitted_at != null && (report.status === 'submitted' || report.status === 'accepted')
          ? calendarDateOf(report.submitted_at)
          : undefined;
      let state: 'on-time' | 'late' | 'missing' | 'pending';
      if (submittedOn !== undefined) state = submittedOn <= deadline ? 'on-time' : 'late';
      else state = asOf > deadline ? 'missing' : 'pending';
      return {
        unitId: unit.id,
        unitName: unit.name,
        kind: unit.kind,
        state,
        reportId: report?.id ?? null,
        reportStatus: (report?.status ?? null) as ReportStatus | null,
      };
    });
  return {
    period: periodId,
    start: period.start,
    end: period.end,
    deadline,
    asOf,
    units: rows,
    late: rows.filter((row) => row.state === 'late').map((row) => row.unitId),
    missing: rows.filter((row) => row.state === 'missing').map((row) => row.unitId),
  };
}
