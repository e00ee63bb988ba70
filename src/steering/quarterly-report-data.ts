import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { findGaps } from './gap-queries.js';
import type { GapsView } from './gap-schemas.js';
import { type Scoreboard, scorePeriod } from './indicators/score-period.js';
import { presentProgram } from './program-commands.js';
import type { Period } from './period.js';
import { requirePeriod } from './period-input.js';
import type { ReportingStatusView } from './report-schemas.js';
import type { ProgramView } from './task-schemas.js';

/** The committee the report is addressed from, when the workspace has not recorded it. */
export const CITY_COMMITTEE_NAME = 'Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng';

/** How many units submitted, were accepted, were late or are missing, of those owing a report. */
export interface SubmissionCounts {
  readonly owing: number;
  readonly submitted: number;
  readonly accepted: number;
  readonly late: number;
  readonly missing: number;
  readonly pending: number;
}

/** An overdue task as the committee reads it: with its lead unit's name and days overdue. */
export interface OverdueTaskLine {
  readonly code: string;
  readonly title: string;
  readonly leadUnitName: string;
  readonly deadline: string;
  readonly daysLate: number;
  readonly progress: number;
}

/** Everything the printable report of a period shows, gathered as of a date. */
export interface QuarterlyReportData {
  readonly committeeName: string;
  readonly period: Period;
  readonly asOf: string;
  readonly programs: readonly ProgramView[];
  readonly overdueTasks: readonly OverdueTaskLine[];
  readonly reporting: ReportingStatusView;
  readonly submissions: SubmissionCounts;
  readonly scoreboard: Scoreboard;
  readonly unitsWithoutCommittee: GapsView['unitsWithoutCommittee'];
  readonly unitsWithoutPlan: GapsView['unitsWithoutPlan'];
}

const DAY_MS = 86_400_000;

/** Counts the submission states of a period. */
export function countSubmissions(reporting: ReportingStatusView): SubmissionCounts {
  const units = reporting.units;
  return {
    owing: units.length,
    submitted: units.filter((unit) => unit.state === 'on-time' || unit.state === 'late').length,
    accepted: units.filter((unit) => unit.reportStatus === 'accepted').length,
    late: units.filter((unit) => unit.state === 'late').length,
    missing: units.filter((unit) => unit.state === 'missing').length,
    pending: units.filter((unit) => unit.state === 'pending').length,
  };
}

/**
 * Gathers a period's report: every program with its groups' progress, overdue tasks, report
 * submissions, the indicator scoreboard of the period, and units without committee or plan, as of
 * `asOf`. Throws `validation-failed` for a malformed period.
 */
export async function collectQuarterlyReport(
  db: Kysely<Database>,
  periodId: string,
  asOf: string,
): Promise<QuarterlyReportData> {
  const period = requirePeriod(periodId);
  const [committee, programRows, gaps, scoreboard, units] = await Promise.all([
    db.selectFrom('steering_committees').select('name').where('unit_id', '=', 'UBND-HP').executeTakeFirst(),
    db.selectFrom('steering_programs').selectAll().orderBy('code').execute(),
    findGaps(db, { asOf, period: periodId }, asOf),
    scorePeriod(db, periodId),
    db.selectFrom('steering_units').select(['id', 'name']).execute(),
  ]);
  const programs = await Promise.all(programRows.map((row) => presentProgram(db, row, asOf)));
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const reporting = gaps.reporting!;
  return {
    committeeName: committee?.name ?? CITY_COMMITTEE_NAME,
    period,
    asOf,
    programs,
    overdueTasks: gaps.overdueTasks.map((task) => ({
      code: task.code,
      title: task.title,
      leadUnitName: names.get(task.leadUnitId) ?? task.leadUnitId,
      deadline: task.deadline,
      daysLate: Math.round(
        (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${task.deadline}T00:00:00Z`)) / DAY_MS,
      ),
      progress: task.progress,
    })),
    reporting,
    submissions: countSubmissions(reporting),
    scoreboard,
    unitsWithoutCommittee: gaps.unitsWithoutCommittee,
    unitsWithoutPlan: gaps.unitsWithoutPlan,
  };
}
