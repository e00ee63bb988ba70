/**
 * steering: units and their history, committees, documents, programs, tasks, reports, and indicators
 * (targets, values, measured indicators, scores, rankings), the DTI (methods, campaigns, published results), with their spreadsheets.
 */
export type { AttachmentCommands, AttachmentFile } from './attachment-commands.js';
export { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, sniffMediaType } from './attachment-content.js';
export { addDays, isCalendarDate } from './calendar-date.js';
export { calendarDateOf } from './local-time.js';
export type { CommitteeCommands } from './committee-commands.js';
export * from './committee-schemas.js';
export * from './common-schemas.js';
export * from './create-steering.js';
export type { DocumentCommands } from './document-commands.js';
export * from './document-schemas.js';
export * from './gap-schemas.js';
export type { ProgramCommands } from './program-commands.js';
export type { AuthoriseReport, ReportCommands, ReportSubject } from './report-commands.js';
export { type Period, parsePeriod } from './period.js';
export { requirePeriod } from './period-input.js';
export { REPORT_GRACE_DAYS, reportDeadline } from './report-deadline.js';
export * from './report-schemas.js';
export type {
  MeasureSource,
  MeasureSources,
  SteeringContext,
  SteeringContextOptions,
} from './steering-context.js';
export type { SteeringFileCommands } from './steering-file-commands.js';
export { CITY_COMMITTEE_NAME } from './quarterly-report-data.js';
export { escapeHtml } from './html-escape.js';
export { TASK_SHEET_COLUMNS, TASK_STATUS_LABELS } from './spreadsheets/task-sheet-columns.js';
export type {
  TaskImportOptions,
  TaskImportReason,
  TaskImportReport,
  TaskImportRowResult,
} from './spreadsheets/task-xlsx-import.js';
export { type GeneratedFile, XLSX_MEDIA_TYPE } from './spreadsheets/xlsx-file.js';
export type { TaskCommands, TaskWriteOptions } from './task-commands.js';
export * from './task-schemas.js';
export * from './task-status.js';
export type { UnitCommands, UnitHistoryView } from './unit-commands.js';
export { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from './unit-kinds.js';
export * from './unit-schemas.js';
export {
  type Attainment,
  type AttainmentRule,
  attainmentOf,
  type Direction,
} from './indicators/attainment.js';
export * from './indicators/create-indicator-commands.js';
export * from './dti/create-dti-commands.js';
export type { DtiCampaignCommands } from './dti/dti-campaign-commands.js';
export * from './dti/dti-campaign-schemas.js';
export { COMPONENT_COLUMNS } from './dti/dti-components-xlsx-import.js';
export type { DtiMethodCommands } from './dti/dti-method-commands.js';
export * from './dti/dti-method-schemas.js';
export { DtiPublishedInput, DtiPublishedParams, DtiPublishedView } from './dti/dti-published.js';
export { DtiScoreInput, DtiScoreView } from './dti/dti-score.js';
export { HAI_PHONG_DTI_PUBLISHED } from './dti/hai-phong-dti-published.js';
export { seedDtiSample } from './dti/seed-dti-sample.js';
export type { IndicatorDefinitionCommands } from './indicators/indicator-commands.js';
export * from './indicators/indicator-schemas.js';
export * from './indicators/series-schemas.js';
export type { MeasureCommands, MeasureResult } from './indicators/measure-indicators.js';
export type { ScoreComponent, ScoreFilter, Scoreboard, UnitScore } from './indicators/score-period.js';
export * from './indicators/seed/haiphong-indicators.js';
export * from './indicators/seed/seed-indicator-sample.js';
export type { ValueCommands, ValuePage } from './indicators/value-commands.js';
export {
  IMPORT_COLUMNS,
  type ImportOptions,
  type ImportReport,
  type ImportRowResult,
} from './spreadsheets/value-xlsx-import.js';
export * from './remove-steering-sample.js';
export * from './sample-presence.js';
export * from './seed/seed-steering-reference.js';
export * from './seed/seed-steering-sample.js';
export { SAMPLE_COMMUNE_REPORTERS } from './seed/sample-reports.js';
export type { WorkingCalendarCommands } from './working-calendar/working-calendar-commands.js';
export { officialWorkingCalendar } from './working-calendar/working-calendar-rows.js';
export * from './working-calendar/working-calendar-schemas.js';
export * from './working-calendar/seed-working-calendar-sample.js';
