import { SAMPLE_PURPOSE } from '../../core/index.js';
import type { TransactionRecord } from './log-entry.js';
import { emptyBuckets, LATENCY_BUCKETS_MS, type MinuteDelta, minuteKey } from './traffic-stats.js';

/*
 * The main thread's half of the per-minute traffic: from the records of a group to the deltas its commit
 * adds (traffic-stats.ts, which the commit thread runs). Apart because only this half needs core.
 */
const MINUTE_MS = 60_000;

/** Index of the histogram bucket a latency falls in. */
export function latencyBucket(ms: number): number {
  let i = 0;
  while (ms > LATENCY_BUCKETS_MS[i]!) i++;
  return i;
}

/**
 * Aggregates records per (minute, client, service, status, sample); '' stands for an unknown client or
 * service, and a call is sample when it carries the sample purpose code.
 */
export function aggregateMinutes(records: Iterable<TransactionRecord>): Map<string, MinuteDelta> {
  const deltas = new Map<string, MinuteDelta>();
  for (const r of records) {
    const minute = Math.floor(r.startedAt / MINUTE_MS) * MINUTE_MS;
    const clientId = r.clientId ?? '';
    const serviceId = r.serviceId ?? '';
    const sample = r.purpose === SAMPLE_PURPOSE;
    const key = minuteKey(minute, r.status, clientId, serviceId, sample);
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        minute,
        clientId,
        serviceId,
        status: r.status,
        sample,
        count: 0,
        totalMs: 0,
        buckets: emptyBuckets(),
      };
      deltas.set(key, delta);
    }
    const ms = Number.isFinite(r.durationMs) ? r.durationMs : 0;
    delta.count++;
    delta.totalMs += ms;
    delta.buckets[latencyBucket(ms)]!++;
  }
  return deltas;
}
