import type { AuditActor } from '../../store/index.js';
import {
  createSteeringContext,
  type SteeringContext,
  type SteeringContextOptions,
} from '../steering-context.js';
import { type IndicatorDefinitionCommands, indicatorDefinitionCommands } from './indicator-commands.js';
import { type MeasureCommands, measureCommands } from './measure-indicators.js';
import { derivedSeries } from './derived-series.js';
import { type ScoreFilter, type Scoreboard, scorePeriod } from './score-period.js';
import type { SeriesView } from './series-schemas.js';
import { type ValueCommands, valueCommands } from './value-commands.js';
import { type ImportOptions, type ImportReport, importValues } from '../spreadsheets/value-xlsx-import.js';
import { scoreboardWorkbook } from '../spreadsheets/scoreboard-xlsx-export.js';

/** One line of a ranking: a unit's place and index, without the components. */
export interface RankingEntry {
  readonly rank: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly index: number | null;
  readonly counted: number;
  readonly reported: number;
}

/**
 * The indicators of the steering workspace: definitions and targets, values, measured indicators,
 * scores and rankings, and their spreadsheets (the DTI is src/steering/dti). Writes take an audit actor and are
 * audited in the same transaction; authorization is the caller's (the API's).
 */
export interface IndicatorCommands extends IndicatorDefinitionCommands, ValueCommands, MeasureCommands {
  /** Every unit's index for a period, ranked, with the components of each attainment. */
  scores(period: string, filter?: ScoreFilter): Promise<Scoreboard>;
  /**
   * An indicator's series for a unit; before the unit existed, derived from its predecessors and marked
   * so (read only, never stored). `not-found` for an unknown indicator or unit.
   */
  series(code: string, unitId: string): Promise<SeriesView>;
  /** The ranking of units for a period (optionally of one kind). */
  ranking(period: string, filter?: ScoreFilter): Promise<{ period: string; units: RankingEntry[] }>;
  /** Imports values from an .xlsx file, all or nothing unless `acceptValid`. */
  importValues(actor: AuditActor, file: Uint8Array, options?: ImportOptions): Promise<ImportReport>;
  /** The scoreboard of a period as an .xlsx workbook. */
  exportScoreboard(period: string, filter?: ScoreFilter): Promise<Buffer>;
}

/**
 * Builds the indicator commands alone over a store (anything with `db`), without the rest of the workspace.
 *
 * @example
 * const indicators = createIndicatorCommands({ db: store.db });
 * const board = await indicators.scores('2024');
 */
export function createIndicatorCommands(options: SteeringContextOptions): IndicatorCommands {
  return indicatorCommands(createSteeringContext(options));
}

/** Builds the indicator commands over the steering context. */
export function indicatorCommands(context: SteeringContext): IndicatorCommands {
  return Object.freeze({
    ...indicatorDefinitionCommands(context),
    ...valueCommands(context),
    ...measureCommands(context),
    scores: (period: string, filter?: ScoreFilter) => scorePeriod(context.db, period, filter),
    series: (code: string, unitId: string) => derivedSeries(context.db, code, unitId),
    async ranking(period: string, filter?: ScoreFilter) {
      const board = await scorePeriod(context.db, period, filter);
      return { period, units: board.units.map(({ components: _components, ...entry }) => entry) };
    },
    importValues: (actor: AuditActor, file: Uint8Array, importOptions?: ImportOptions) =>
      importValues(context, actor, file, importOptions),
    exportScoreboard: async (period: string, filter?: ScoreFilter) =>
      scoreboardWorkbook(await scorePeriod(context.db, period, filter)),
  });
}
