import { parseQuery } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type AttachmentCommands, attachmentCommands } from './attachment-commands.js';
import { type CommitteeCommands, committeeCommands } from './committee-commands.js';
import { type DocumentCommands, documentCommands } from './document-commands.js';
import { type DtiCommands, dtiCommands } from './dti/create-dti-commands.js';
import { findGaps } from './gap-queries.js';
import { type IndicatorCommands, indicatorCommands } from './indicators/create-indicator-commands.js';
import { GapsQuery, type GapsView } from './gap-schemas.js';
import { type ProgramCommands, programCommands } from './program-commands.js';
import { type ReportCommands, reportCommands } from './report-commands.js';
import type { ReportingStatusView } from './report-schemas.js';
import { reportingStatus } from './reporting-status.js';
import { createSteeringContext, type MeasureSources, type SteeringContext } from './steering-context.js';
import { type SteeringFileCommands, steeringFileCommands } from './steering-file-commands.js';
import { type TaskCommands, taskCommands } from './task-commands.js';
import { type UnitCommands, unitCommands } from './unit-commands.js';
import {
  type WorkingCalendarCommands,
  workingCalendarCommands,
} from './working-calendar/working-calendar-commands.js';

/** What the steering workspace is built from. */
export interface SteeringOptions {
  readonly store: Store;
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
  /** Measures computed by other parts (the catalog's figures), for measured indicators. */
  readonly measureSources?: MeasureSources;
}

/**
 * The steering workspace of Hải Phòng's digital-transformation program. Every write takes an audit
 * actor and runs in one transaction with its audit entry; authorization is the caller's (the API's).
 */
export interface Steering {
  /** The context every command runs in (store, clock, write pipeline), e.g. for the sample seeds. */
  readonly context: SteeringContext;
  readonly units: UnitCommands;
  readonly attachments: AttachmentCommands;
  readonly documents: DocumentCommands;
  readonly committees: CommitteeCommands;
  readonly programs: ProgramCommands;
  readonly tasks: TaskCommands;
  readonly reports: ReportCommands;
  /** Indicators, targets, values, scores and rankings (src/steering/indicators). */
  readonly indicators: IndicatorCommands;
  /** The DTI: index methods as data, the yearly self-assessment campaign, published results (src/steering/dti). */
  readonly dti: DtiCommands;
  /** The working calendar: the law's proposal and the official schedules the secretariat enters. */
  readonly workingCalendar: WorkingCalendarCommands;
  /** Task import and program/report exports (.xlsx), and the committee's printable period report. */
  readonly files: SteeringFileCommands;
  /** Who reported for a period, who is late, who is missing, as of a date (today by default). */
  reportingStatus(period: string, asOf?: string): Promise<ReportingStatusView>;
  /** Units without committee or plan, overdue tasks and, for a period, late and missing reports. */
  gaps(query?: GapsQuery): Promise<GapsView>;
}

/**
 * Builds the steering workspace over an open, migrated store.
 *
 * @example
 * const steering = createSteering({ store });
 * const units2022 = await steering.units.list('2022-06-30');
 */
export function createSteering(options: SteeringOptions): Steering {
  const context = createSteeringContext({ ...options, db: options.store.db });
  return Object.freeze({
    context,
    units: unitCommands(context),
    attachments: attachmentCommands(context),
    documents: documentCommands(context),
    committees: committeeCommands(context),
    programs: programCommands(context),
    tasks: taskCommands(context),
    reports: reportCommands(context),
    indicators: indicatorCommands(context),
    dti: dtiCommands(context),
    files: steeringFileCommands(context),
    workingCalendar: workingCalendarCommands(context),
    reportingStatus: (period: string, asOf?: string) =>
      reportingStatus(context.db, period, asOf ?? context.today()),
    gaps: (query?: GapsQuery) => findGaps(context.db, parseQuery(GapsQuery, query), context.today()),
  });
}
