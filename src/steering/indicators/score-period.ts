import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { type Attainment, attainmentOf } from './attainment.js';
import { levelsOf } from './indicator-rows.js';
import type { UnitKind } from '../unit-kinds.js';
import { requirePeriod } from '../period-input.js';
import { levelSwitchProblem } from '../unit-kinds.js';
import { formerProvinceUnitIds, takesPartDuring } from '../unit-rows.js';
import { TargetLookup } from './target-lookup.js';

/** One indicator's part in a unit's index, with everything needed to explain it. */
export interface ScoreComponent extends Attainment {
  readonly indicatorCode: string;
  readonly weight: number; // 0 when the indicator does not count (no target)
}

/** A unit's index for a period and how it was reached. */
export interface UnitScore {
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: UnitKind;
  /** Σ weight × attainment ÷ Σ weight over the indicators with a target; null when none has one. */
  readonly index: number | null;
  readonly rank: number;
  readonly counted: number; // indicators in the index
  readonly reported: number; // of which the unit has a value
  readonly components: ScoreComponent[];
}

/** Every unit's score for a period, ranked. */
export interface Scoreboard {
  readonly period: string;
  readonly year: number;
  readonly units: UnitScore[];
}

/** Narrows a scoreboard to units of one kind or to some units. */
export interface ScoreFilter {
  readonly kind?: UnitKind;
  readonly unitIds?: readonly string[];
}

const KIND_ORDER: Readonly<Record<string, number>> = { city: 0, department: 1, district: 2, commune: 3 };

/**
 * Scores every unit of the city that took part in steering during the period (takesPartDuring) and
 * ranks them within their level: city, departments, districts, communes, in that order, ties sharing a
 * rank (1, 1, 3).
 * Reads are three small lookups (indicators, targets, units) and ONE query for the period's values,
 * a range scan of the (period, indicator, unit) key; the arithmetic happens in memory.
 * A unit's index uses every indicator that applies to its kind and has a target for its level and the
 * period's year; an indicator without a value counts 0, so not reporting never raises an index.
 */
export async function scorePeriod(
  db: Kysely<Database>,
  text: string,
  filter: ScoreFilter = {},
): Promise<Scoreboard> {
  const period = requirePeriod(text);
  const [indicators, targets, units, values] = await Promise.all([
    db
      .selectFrom('steering_indicators')
      .select(['code', 'direction', 'levels', 'weight'])
      .orderBy('code')
      .execute(),
    db.selectFrom('steering_indicator_targets').selectAll().execute(),
    db
      .selectFrom('steering_units')
      .select(['id', 'name', 'kind', 'valid_from', 'valid_to', 'parent_id', 'successor_id'])
      .execute(),
    db
      .selectFrom('steering_indicator_values')
      .select(['indicator_code', 'unit_id', 'value'])
      .where('period', '=', text)
      .execute(),
  ]);
  const lookup = new TargetLookup(targets);
  const valueByKey = new Map<string, number>();
  for (const row of values) valueByKey.set(`${row.unit_id} ${row.indicator_code}`, row.value);
  const applying = indicators.map((indicator) => ({ ...indicator, kinds: new Set(levelsOf(indicator)) }));
  const wanted = filter.unitIds === undefined ? undefined : new Set(filter.unitIds);

  const former = formerProvinceUnitIds(units);
  const scored = units
    // A district or commune has no score for a period across the switch of levels (2025 is per half).
    .filter(
      (unit) =>
        !former.has(unit.id) &&
        takesPartDuring(unit, period.start, period.end) &&
        levelSwitchProblem(unit.kind, period) === undefined,
    )
    .filter(
      (unit) => (filter.kind === undefined || unit.kind === filter.kind) && (wanted?.has(unit.id) ?? true),
    )
    .map((unit) => {
      let weighted = 0;
      let weights = 0;
      let reported = 0;
      const components: ScoreComponent[] = [];
      for (const indicator of applying) {
        if (!indicator.kinds.has(unit.kind)) continue;
        const actual = valueByKey.get(`${unit.id} ${indicator.code}`) ?? null;
        const part = attainmentOf(
          indicator.direction,
          actual,
          lookup.targetFor(indicator.code, unit.kind, period.year),
        );
        const weight = part.attainment === null ? 0 : indicator.weight;
        if (part.attainment !== null) {
          weighted += weight * part.attainment;
          weights += weight;
          if (actual !== null) reported += 1;
        }
        components.push({ indicatorCode: indicator.code, weight, ...part });
      }
      const index = weights === 0 ? null : Math.round((weighted / weights) * 1e6) / 1e6;
      const counted = components.filter((component) => component.weight > 0).length;
      return { unitId: unit.id, unitName: unit.name, kind: unit.kind, index, counted, reported, components };
    })
    .sort(
      (a, b) =>
        (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
        (b.index ?? -1) - (a.index ?? -1) ||
        a.unitId.localeCompare(b.unitId),
    );

  // Ranking is per level: a commune is ranked among communes, a department among departments.
  let previous: { kind: string; index: number | null } | undefined;
  let rank = 0;
  let position = 0;
  const ranked = scored.map((unit) => {
    if (previous?.kind !== unit.kind) position = 0;
    position += 1;
    if (previous?.kind !== unit.kind || unit.index !== previous.index) rank = position;
    previous = unit;
    return { ...unit, rank };
  });
  return { period: text, year: period.year, units: ranked };
}
