import type { FieldProblem } from '../../core/index.js';
import type { SteeringIndicatorTable } from '../../store/index.js';
import { levelsOf, type UnitRow } from './indicator-rows.js';
import { NOT_A_PERIOD, type Period, parsePeriod, periodStarted, unitActiveIn } from '../period.js';
import { levelSwitchProblem } from '../unit-kinds.js';

/** What a value names before it is checked. */
export interface ValueKey {
  readonly indicatorCode: string;
  readonly unitId: string;
  readonly period: string;
}

/** The outcome of checking a value: the period when it passes, else every problem. */
export type ValueCheck =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * The rules every value obeys, whoever submits it: a known indicator that applies to the unit's kind,
 * a known unit that existed during the period (a district or commune not across the switch of levels on
 * 2025-07-01, see levelSwitchProblem), a period that has started (Hải Phòng calendar), a finite value, and
 * — unless the platform measures it itself — an indicator that is reported rather than measured.
 */
export function checkValue(
  key: ValueKey,
  value: unknown,
  indicator: SteeringIndicatorTable | undefined,
  unit: UnitRow | undefined,
  options: { readonly now: number; readonly measuring?: boolean },
): ValueCheck {
  const problems: FieldProblem[] = [];
  const period = parsePeriod(key.period);
  if (indicator === undefined)
    problems.push({ pointer: '/indicator', detail: `no indicator ${key.indicatorCode}` });
  if (unit === undefined) problems.push({ pointer: '/unit', detail: `no steering unit ${key.unitId}` });
  if (period === undefined) problems.push({ pointer: '/period', detail: NOT_A_PERIOD });
  else if (!periodStarted(period, options.now))
    problems.push({ pointer: '/period', detail: `the period ${period.id} has not started` });
  if (typeof value !== 'number' || !Number.isFinite(value))
    problems.push({ pointer: '/value', detail: 'must be a finite number' });
  if (indicator !== undefined && indicator.measure !== null && !options.measuring) {
    problems.push({
      pointer: '/source',
      detail: `${indicator.code} is measured by the platform; nobody types it`,
    });
  }
  if (indicator !== undefined && unit !== undefined && !levelsOf(indicator).includes(unit.kind)) {
    problems.push({ pointer: '/unit', detail: `${indicator.code} does not apply to a ${unit.kind} unit` });
  }
  if (unit !== undefined && period !== undefined && !unitActiveIn(period, unit.valid_from, unit.valid_to)) {
    if (!problems.some((problem) => problem.pointer === '/unit'))
      problems.push({ pointer: '/unit', detail: `${unit.id} was not active during ${period.id}` });
  }
  const levelSwitch =
    unit === undefined || period === undefined ? undefined : levelSwitchProblem(unit.kind, period);
  if (levelSwitch !== undefined && !problems.some((problem) => problem.pointer === '/unit')) {
    problems.push({ pointer: '/period', detail: levelSwitch });
  }
  return problems.length === 0 && period !== undefined ? { ok: true, period } : { ok: false, problems };
}

/** Why a value may not be marked 'verified': verifying is the secretariat's, not the reporting unit's. */
export const VERIFY_REFUSED = 'only the secretariat may mark a value verified';

/** Why a reported value does not replace a stored one that the secretariat verified. */
export const VERIFIED_STAYS =
  'the stored value is verified by the secretariat; a reported value does not replace it';
