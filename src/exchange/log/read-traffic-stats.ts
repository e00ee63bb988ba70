import type { Store } from '../../store/index.js';
import { LATENCY_BUCKETS_MS, minuteKey, parseBuckets } from './traffic-stats.js';

/** One minute of traffic for one client, service, status and sample mark, as a dashboard reads it. */
export interface TrafficStat {
  readonly minute: number;
  readonly clientId: string | null;
  readonly serviceId: string | null;
  readonly status: number;
  /** Calls with the sample purpose code: counted here, left out of measured indicators. */
  readonly sample: boolean;
  readonly count: number;
  readonly totalMs: number;
  readonly meanMs: number;
  /** Estimated from the histogram by linear interpolation inside the bucket. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Counts per LATENCY_BUCKETS_MS bound. */
  readonly buckets: readonly number[];
}

/** Which minutes to read: `from` inclusive, `to` exclusive (Unix ms); null ids match unknown clients or services. */
export interface TrafficQuery {
  readonly from: number;
  readonly to: number;
  readonly serviceId?: string | null;
  readonly clientId?: string | null;
}

/** Reads per-minute traffic statistics, every node's summed, oldest minute first. */
export async function readTrafficStats(store: Store, query: TrafficQuery): Promise<TrafficStat[]> {
  let q = store.db
    .selectFrom('traffic_minutes')
    .selectAll()
    .where('minute', '>=', query.from)
    .where('minute', '<', query.to);
  if (query.serviceId !== undefined) q = q.where('service_id', '=', query.serviceId ?? '');
  if (query.clientId !== undefined) q = q.where('client_id', '=', query.clientId ?? '');
  const rows = await q
    .orderBy('minute')
    .orderBy('service_id')
    .orderBy('client_id')
    .orderBy('status')
    .orderBy('sample')
    .execute();
  // Each node keeps its own rows; the histograms merge bucket by bucket, which SQL cannot do on the JSON.
  const summed = new Map<
    string,
    { row: (typeof rows)[number]; count: number; totalMs: number; buckets: number[] }
  >();
  for (const row of rows) {
    const key = minuteKey(Number(row.minute), row.status, row.client_id, row.service_id, row.sample === 1);
    const buckets = parseBuckets(row.latency_buckets);
    const seen = summed.get(key);
    if (!seen) {
      summed.set(key, { row, count: Number(row.count), totalMs: Number(row.total_ms), buckets });
      continue;
    }
    seen.count += Number(row.count);
    seen.totalMs += Number(row.total_ms);
    buckets.forEach((n, i) => {
      seen.buckets[i]! += n;
    });
  }
  return [...summed.values()].map(({ row, count, totalMs, buckets }) => ({
    minute: Number(row.minute),
    clientId: row.client_id === '' ? null : row.client_id,
    serviceId: row.service_id === '' ? null : row.service_id,
    status: row.status,
    sample: row.sample === 1,
    count,
    totalMs,
    meanMs: count === 0 ? 0 : totalMs / count,
    p50Ms: histogramQuantile(buckets, 0.5),
    p99Ms: histogramQuantile(buckets, 0.99),
    buckets,
  }));
}

/** Estimates a quantile from bucket counts; the unbounded bucket reports its lower bound. */
export function histogramQuantile(buckets: readonly number[], q: number): number {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i]!;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
      const upper = LATENCY_BUCKETS_MS[i]!;
      if (!Number.isFinite(upper)) return lower;
      return lower + ((upper - lower) * (rank - seen)) / n;
    }
    seen += n;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 2]!;
}
