import { CangError } from '../core/index.js';
import { addDays } from './calendar-date.js';

/** A reporting period: month 'YYYY-MM', quarter 'YYYY-Qn', half 'YYYY-Hn' or year 'YYYY'. */
export const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[1-2])?$';

/** Days after the end of a period by which its report is due (inclusive). */
export const REPORT_GRACE_DAYS = 5;

/** A parsed period: its first and last calendar dates. */
export interface Period {
  readonly id: string;
  readonly kind: 'month' | 'quarter' | 'half' | 'year';
  readonly start: string;
  readonly end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function span(id: string, kind: Period['kind'], year: number, first: number, last: number): Period {
  return { id, kind, start: `${year}-${pad(first)}-01`, end: lastDayOf(year, last) };
}

/** Parses a period, or throws `validation-failed` naming the field. */
export function parsePeriod(id: string, pointer = '/period'): Period {
  const match = new RegExp(PERIOD_PATTERN).exec(id);
  if (match === null) {
    throw new CangError('validation-failed', 'Invalid period', {
      errors: [{ pointer, detail: "must be 'YYYY-MM', 'YYYY-Qn', 'YYYY-Hn' or 'YYYY'" }],
    });
  }
  const year = Number(id.slice(0, 4));
  const rest = id.slice(5);
  if (rest === '') return span(id, 'year', year, 1, 12);
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    return span(id, 'quarter', year, q * 3 - 2, q * 3);
  }
  if (rest.startsWith('H')) {
    const h = Number(rest.slice(1));
    return span(id, 'half', year, h * 6 - 5, h * 6);
  }
  const month = Number(rest);
  return span(id, 'month', year, month, month);
}

/**
 * The last day a period's report is on time: REPORT_GRACE_DAYS days after the period ends
 * (a 2025-Q2 report is due by 2025-07-05).
 */
export function reportDeadline(period: Period): string {
  return addDays(period.end, REPORT_GRACE_DAYS);
}
