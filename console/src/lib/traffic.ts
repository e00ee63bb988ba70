import type { StatRow } from '../api/types';

/** Traffic of one service over the window. */
export interface ServiceTraffic {
  readonly service: string;
  readonly requests: number;
  readonly errors: number;
  /** Request-weighted mean of the per-minute medians: an approximation of the window's median. */
  readonly p50Ms: number;
  /** The highest per-minute p99: an upper bound of the window's p99. */
  readonly p99Ms: number;
}

const MINUTE = 60_000;

/** The minutes of a window, as epoch milliseconds on minute boundaries. */
export function minutesOf(from: number, to: number): number[] {
  const minutes: number[] = [];
  for (let m = Math.floor(from / MINUTE) * MINUTE; m < to; m += MINUTE) minutes.push(m);
  return minutes;
}

/** Whether a status counts as an error (a refusal by Cảng or a failure of the provider). */
export const isError = (status: number): boolean => status >= 400;

/** Per-service, per-minute counts: `series[service][i]` is the count at `minutes[i]`. */
export function perMinute(
  rows: readonly StatRow[],
  minutes: readonly number[],
  pick: (row: StatRow) => boolean = () => true,
): Map<string, number[]> {
  const index = new Map(minutes.map((m, i) => [m, i]));
  const series = new Map<string, number[]>();
  for (const row of rows) {
    if (!pick(row)) continue;
    const key = row.serviceId ?? '—';
    const i = index.get(Math.floor(Date.parse(row.minute) / MINUTE) * MINUTE);
    if (i === undefined) continue;
    const values = series.get(key) ?? minutes.map(() => 0);
    values[i]! += row.count;
    series.set(key, values);
  }
  return series;
}

/** Totals and latency per service over the window, busiest first. */
export function perService(rows: readonly StatRow[]): ServiceTraffic[] {
  const acc = new Map<string, { requests: number; errors: number; p50Sum: number; p99: number }>();
  for (const row of rows) {
    const key = row.serviceId ?? '—';
    const a = acc.get(key) ?? { requests: 0, errors: 0, p50Sum: 0, p99: 0 };
    a.requests += row.count;
    if (isError(row.status)) a.errors += row.count;
    a.p50Sum += row.p50Ms * row.count;
    a.p99 = Math.max(a.p99, row.p99Ms);
    acc.set(key, a);
  }
  return [...acc.entries()]
    .map(([service, a]) => ({
      service,
      requests: a.requests,
      errors: a.errors,
      p50Ms: a.requests ? Math.round((a.p50Sum / a.requests) * 10) / 10 : 0,
      p99Ms: Math.round(a.p99 * 10) / 10,
    }))
    .sort((x, y) => y.requests - x.requests);
}
