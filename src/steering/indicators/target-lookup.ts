import type { SteeringIndicatorTargetTable } from '../../store/index.js';

/**
 * Finds the target of an indicator for a unit kind and a year. A target stays in force until a later
 * year's replaces it, so the latest year at or before the wanted one counts; a target set for the unit's
 * own level wins over the '*' target for every level. Undefined when neither has one.
 */
export class TargetLookup {
  readonly #byKey = new Map<string, [number, number][]>();

  constructor(targets: readonly SteeringIndicatorTargetTable[]) {
    for (const target of targets) {
      const key = `${target.indicator_code} ${target.level}`;
      const list = this.#byKey.get(key) ?? [];
      list.push([target.year, target.target]);
      this.#byKey.set(key, list);
    }
    for (const list of this.#byKey.values()) list.sort((a, b) => a[0] - b[0]);
  }

  /** The target in force for the indicator, level and year, or null. */
  targetFor(indicatorCode: string, level: string, year: number): number | null {
    return (
      this.#inForce(`${indicatorCode} ${level}`, year) ?? this.#inForce(`${indicatorCode} *`, year) ?? null
    );
  }

  #inForce(key: string, year: number): number | undefined {
    let found: number | undefined;
    for (const [targetYear, target] of this.#byKey.get(key) ?? []) {
      if (targetYear > year) break;
      found = target;
    }
    return found;
  }
}
