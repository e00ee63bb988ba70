/** A reporting period: a year, a half, a quarter or a month. */
export interface Period {
  readonly text: string; // 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM'
  readonly kind: 'year' | 'half' | 'quarter' | 'month';
  readonly year: number;
  readonly start: string; // first day, 'YYYY-MM-DD'
  readonly end: string; // last day, 'YYYY-MM-DD'
  readonly startMs: number; // Hải Phòng midnight (UTC+7) starting the first day, Unix ms
  readonly endMs: number; // Hải Phòng midnight after the last day (exclusive), Unix ms
}

/** The pattern a period text must match. */
export const PERIOD_PATTERN = '^\\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$';
const PERIOD_RE = new RegExp(PERIOD_PATTERN);

// Hải Phòng keeps Indochina Time (UTC+7, no daylight saving): periods are local calendar periods.
const LOCAL_OFFSET_MS = 7 * 60 * 60 * 1000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The calendar date 'YYYY-MM-DD' in Hải Phòng at a Unix-ms instant. */
export const localDateOf = (ms: number): string => day(ms + LOCAL_OFFSET_MS);

/** Parses a period text, or returns undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  if (!PERIOD_RE.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  if (year < 1900) return undefined;
  const rest = text.slice(5);
  let kind: Period['kind'] = 'year';
  let firstMonth = 0;
  let months = 12;
  if (rest.startsWith('H')) [kind, firstMonth, months] = ['half', (Number(rest[1]) - 1) * 6, 6];
  else if (rest.startsWith('Q')) [kind, firstMonth, months] = ['quarter', (Number(rest[1]) - 1) * 3, 3];
  else if (rest !== '') [kind, firstMonth, months] = ['month', Number(rest) - 1, 1];
  const startUtc = Date.UTC(year, firstMonth, 1);
  const endUtc = Date.UTC(year, firstMonth + months, 1);
  return {
    text,
    kind,
    year,
    start: day(startUtc),
    end: day(endUtc - 86_400_000),
    startMs: startUtc - LOCAL_OFFSET_MS,
    endMs: endUtc - LOCAL_OFFSET_MS,
  };
}

/** Whether a unit valid from `validFrom` to `validTo` (inclusive dates, null = still valid) existed during the period. */
export function unitActiveIn(period: Period, validFrom: string, validTo: string | null): boolean {
  return validFrom <= period.end && (validTo === null || validTo >= period.start);
}

/** Whether the period has begun by the instant `now` (Hải Phòng calendar). */
export const periodStarted = (period: Period, now: number): boolean => period.start <= localDateOf(now);
