/**
 * The reporting period of reports and indicators: a year 'YYYY', a half 'YYYY-Hn', a quarter 'YYYY-Qn'
 * or a month 'YYYY-MM', as Hải Phòng calendar dates. Free of dependencies beyond the local-time module,
 * so the console's copy can be tested against it.
 */
import { calendarDateOf, startOfLocalDay } from './local-time.js';

/** The pattern a period text must match. */
export const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[1-2])?$';
const PERIOD_RE = new RegExp(PERIOD_PATTERN);

/** The first year a period may fall in (earlier years are not the platform's). */
export const FIRST_PERIOD_YEAR = 1900;

/** Why a text is not a period, as a field problem's detail. */
export const NOT_A_PERIOD = "must be 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM'";

/** A parsed period. */
export interface Period {
  /** 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM'. */
  readonly id: string;
  readonly kind: 'year' | 'half' | 'quarter' | 'month';
  readonly year: number;
  /** First day, 'YYYY-MM-DD'. */
  readonly start: string;
  /** Last day, 'YYYY-MM-DD'. */
  readonly end: string;
  /** Hải Phòng midnight starting the first day, Unix ms. */
  readonly startMs: number;
  /** Hải Phòng midnight after the last day (exclusive), Unix ms. */
  readonly endMs: number;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Parses a period text, or returns undefined when it is not one. */
export function parsePeriod(id: string): Period | undefined {
  if (!PERIOD_RE.test(id)) return undefined;
  const year = Number(id.slice(0, 4));
  // Also keeps Date.UTC away from years 0–99, which it reads as 1900–1999.
  if (year < FIRST_PERIOD_YEAR) return undefined;
  const rest = id.slice(5);
  let kind: Period['kind'] = 'year';
  let firstMonth = 0;
  let months = 12;
  if (rest.startsWith('H')) [kind, firstMonth, months] = ['half', (Number(rest[1]) - 1) * 6, 6];
  else if (rest.startsWith('Q')) [kind, firstMonth, months] = ['quarter', (Number(rest[1]) - 1) * 3, 3];
  else if (rest !== '') [kind, firstMonth, months] = ['month', Number(rest) - 1, 1];
  const start = day(Date.UTC(year, firstMonth, 1));
  const after = day(Date.UTC(year, firstMonth + months, 1));
  return {
    id,
    kind,
    year,
    start,
    end: day(Date.UTC(year, firstMonth + months, 0)),
    startMs: startOfLocalDay(start),
    endMs: startOfLocalDay(after),
  };
}

/** Whether a unit valid from `validFrom` to `validTo` (inclusive dates, null = still valid) existed during the period. */
export function unitActiveIn(period: Period, validFrom: string, validTo: string | null): boolean {
  return validFrom <= period.end && (validTo === null || validTo >= period.start);
}

/** Whether the period has begun by the instant `now` (Hải Phòng calendar). */
export const periodStarted = (period: Period, now: number): boolean => period.start <= calendarDateOf(now);
