/** A reporting period: 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM' (src/steering/period.ts; a test keeps them equal). */
export const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[1-2])?$/;

/** The quarter a calendar date 'YYYY-MM-DD' falls in, e.g. '2026-Q4'. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The quarters up to and including the one of `today`, newest first, `count` of them. */
export function recentQuarters(today: string, count = 8): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const quarters: string[] = [];
  for (let i = 0; i < count; i++) {
    quarters.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

/** The years from `first` to the year of `today`, newest first. */
export function yearsUpTo(today: string, first: number): string[] {
  const years: string[] = [];
  for (let year = Number(today.slice(0, 4)); year >= first; year--) years.push(String(year));
  return years;
}

/** First and last day of a period. */
export function periodSpan(period: string): { start: string; end: string } {
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  const span = (first: number, last: number) => ({
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDay(last))}`,
  });
  if (rest === '') return span(1, 12);
  if (rest.startsWith('Q')) return span(Number(rest[1]) * 3 - 2, Number(rest[1]) * 3);
  if (rest.startsWith('H')) return span(Number(rest[1]) * 6 - 5, Number(rest[1]) * 6);
  return span(Number(rest), Number(rest));
}

/** Traffic light of an attainment (0..1): green at or above 1.0, amber at or above 0.7, red below. */
export type Light = 'green' | 'amber' | 'red' | 'none';

/** The light of an attainment; `none` when the indicator has no target (it does not count). */
export function lightOf(attainment: number | null | undefined): Light {
  if (attainment === null || attainment === undefined) return 'none';
  if (attainment >= 1) return 'green';
  if (attainment >= 0.7) return 'amber';
  return 'red';
}
