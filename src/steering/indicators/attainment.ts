/** Whether more (up) or less (down) of an indicator is better. */
export type Direction = 'up' | 'down';

/**
 * How an attainment was reached:
 * - `ratio`: up = actual ÷ target, down = target ÷ actual, clamped to [0, 1];
 * - `zero-target`: the target is 0; up: any actual ≥ 0 meets it (1); down: only 0 meets it (1), else 0;
 * - `zero-actual`: a down indicator at 0 with a positive target beats it (1);
 * - `no-value`: the unit reported nothing; it counts as 0 in the unit's index;
 * - `no-target`: no target for the level and year; the indicator is left out of the index.
 */
export type AttainmentRule = 'ratio' | 'zero-target' | 'zero-actual' | 'no-value' | 'no-target';

/** The parts of one attainment, kept so that every score can be explained. */
export interface Attainment {
  readonly actual: number | null;
  readonly target: number | null;
  readonly ratio: number | null; // the raw ratio before clamping; null when no ratio applies
  readonly attainment: number | null; // in [0, 1]; null when the indicator does not count
  readonly rule: AttainmentRule;
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Direction-aware attainment of an actual value against a target.
 *
 * @example attainmentOf('down', 8, 10) // { ratio: 1.25, attainment: 1, rule: 'ratio', … }
 */
export function attainmentOf(direction: Direction, actual: number | null, target: number | null): Attainment {
  if (target === null) return { actual, target, ratio: null, attainment: null, rule: 'no-target' };
  if (actual === null) return { actual, target, ratio: null, attainment: 0, rule: 'no-value' };
  if (target === 0) {
    const met = direction === 'up' ? actual >= 0 : actual <= 0;
    return { actual, target, ratio: null, attainment: met ? 1 : 0, rule: 'zero-target' };
  }
  if (direction === 'down' && actual <= 0) {
    return { actual, target, ratio: null, attainment: target > 0 ? 1 : 0, rule: 'zero-actual' };
  }
  const ratio = direction === 'up' ? actual / target : target / actual;
  return { actual, target, ratio, attainment: clamp(ratio), rule: 'ratio' };
}
