/** steering/indicators: indicators and targets, values, measured indicators, scores, rankings, spreadsheets, DTI. */
export { type Attainment, type AttainmentRule, attainmentOf, type Direction } from './attainment.js';
export * from './create-indicator-commands.js';
export * from './dti-index.js';
export type { IndicatorContextOptions, MeasureSource, MeasureSources } from './indicator-context.js';
export type { IndicatorDefinitionCommands } from './indicator-commands.js';
export * from './indicator-schemas.js';
export type { MeasureCommands, MeasureResult } from './measure-indicators.js';
export { type Period as IndicatorPeriod, parsePeriod as parseIndicatorPeriod } from './period.js';
export type { ScoreComponent, ScoreFilter, Scoreboard, UnitScore } from './score-period.js';
export * from './seed/haiphong-indicators.js';
export * from './seed/seed-indicator-sample.js';
export type { ValueCommands, ValuePage } from './value-commands.js';
export {
  IMPORT_COLUMNS,
  type ImportOptions,
  type ImportReport,
  type ImportRowResult,
} from './xlsx-import.js';
