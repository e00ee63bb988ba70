import { CangError } from '../core/index.js';
import type { AuditActor } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import { programWorkbook } from './spreadsheets/program-xlsx-export.js';
import { collectQuarterlyReport } from './quarterly-report-data.js';
import { renderQuarterlyReport } from './quarterly-report-html.js';
import { requirePeriod } from './period-input.js';
import { type ReportReadable, reportsWorkbook } from './spreadsheets/report-xlsx-export.js';
import type { SteeringContext } from './steering-context.js';
import {
  importTasks,
  type TaskImportOptions,
  type TaskImportReport,
} from './spreadsheets/task-xlsx-import.js';
import type { GeneratedFile } from './spreadsheets/xlsx-file.js';

/** Spreadsheets in and out of the steering workspace, and the committee's printable report. */
export interface SteeringFileCommands {
  /** Imports a program's tasks from an .xlsx file: all or nothing unless `acceptValid`. */
  importTasks(
    actor: AuditActor,
    programId: string,
    file: Uint8Array,
    options?: TaskImportOptions,
  ): Promise<TaskImportReport>;
  /** A program with its groups and tasks (progress roll-up, overdue flags) as .xlsx, as of a date. */
  exportProgram(programId: string, asOf?: string): Promise<GeneratedFile>;
  /**
   * The reports of a period (status, submitted and accepted at, per-task progress) as .xlsx; the
   * contents (task lines, item count, return comment) only of the reports `mayRead` allows.
   */
  exportReports(period: string, asOf?: string, mayRead?: ReportReadable): Promise<GeneratedFile>;
  /** The committee's printable report of a period as an HTML page (Vietnamese, print CSS, no script). */
  quarterlyReport(period: string, asOf?: string): Promise<string>;
}

function requireDate(asOf: string): string {
  if (!isCalendarDate(asOf)) {
    throw new CangError('validation-failed', 'Invalid date', {
      errors: [{ pointer: '/asOf', detail: 'is not a calendar date' }],
    });
  }
  return asOf;
}

/** Builds the file commands over a steering context. */
export function steeringFileCommands(context: SteeringContext): SteeringFileCommands {
  const { db } = context;
  const dateOf = (asOf: string | undefined) => requireDate(asOf ?? context.today());
  return {
    importTasks: (actor, programId, file, options) => importTasks(context, actor, programId, file, options),
    exportProgram: async (programId, asOf) => programWorkbook(db, programId, dateOf(asOf)),
    async exportReports(period, asOf, mayRead) {
      requirePeriod(period);
      return reportsWorkbook(db, period, dateOf(asOf), mayRead);
    },
    async quarterlyReport(period, asOf) {
      return renderQuarterlyReport(await collectQuarterlyReport(db, period, dateOf(asOf)));
    },
  };
}
