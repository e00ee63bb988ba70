import { CangError } from '../core/index.js';
import { NOT_A_PERIOD, type Period, parsePeriod } from './period.js';

/** Parses a period, or throws `validation-failed` naming the field. */
export function requirePeriod(id: string, pointer = '/period'): Period {
  const period = parsePeriod(id);
  if (period === undefined) {
    throw new CangError('validation-failed', 'Invalid period', {
      errors: [{ pointer, detail: NOT_A_PERIOD }],
    });
  }
  return period;
}
