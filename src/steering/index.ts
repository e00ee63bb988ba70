/** steering: units and their history, committees, documents, programs, tasks, reports (and indicators). */
export type { AttachmentCommands, AttachmentFile } from './attachment-commands.js';
export { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, sniffMediaType } from './attachment-content.js';
export { addDays, calendarDateOf, isCalendarDate } from './calendar-date.js';
export type { CommitteeCommands } from './committee-commands.js';
export * from './committee-schemas.js';
export * from './common-schemas.js';
export * from './create-steering.js';
export type { DocumentCommands } from './document-commands.js';
export * from './document-schemas.js';
export * from './gap-schemas.js';
export type { ProgramCommands } from './program-commands.js';
export type { ReportCommands } from './report-commands.js';
export { type Period, parsePeriod, REPORT_GRACE_DAYS, reportDeadline } from './report-period.js';
export * from './report-schemas.js';
export type { SteeringContext } from './steering-context.js';
export type { SteeringFileCommands } from './steering-file-commands.js';
export { CITY_COMMITTEE_NAME } from './quarterly-report-data.js';
export { escapeHtml } from './html-escape.js';
export { TASK_SHEET_COLUMNS, TASK_STATUS_LABELS } from './task-sheet-columns.js';
export type {
  TaskImportOptions,
  TaskImportReason,
  TaskImportReport,
  TaskImportRowResult,
} from './task-xlsx-import.js';
export { type GeneratedFile, XLSX_MEDIA_TYPE } from './xlsx-file.js';
export type { TaskCommands, TaskWriteOptions } from './task-commands.js';
export * from './task-schemas.js';
export * from './task-status.js';
export type { UnitCommands, UnitHistoryView } from './unit-commands.js';
// UNIT_KINDS is exported once, by the indicators half (same values).
export {
  UNIT_EVENT_KINDS,
  UnitEventInput,
  UnitEventView,
  UnitHistory,
  UnitInput,
  UnitList,
  UnitView,
} from './unit-schemas.js';
export * from './indicators/index.js';
export * from './seed/seed-steering-sample.js';
