import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { histogramQuantile, readTrafficStats } from './read-traffic-stats.js';
import { buildNodeKey, buildRecord, openLog } from './test-support/log-fixtures.js';
import { latencyBucket } from './traffic-minute-deltas.js';
import { LATENCY_BUCKETS_MS } from './traffic-stats.js';

const MINUTE = Date.UTC(2026, 10, 26, 9, 30);
const SERVICE = 'VN-HP/GOV/000.00.01.H26/DVC/tra-cuu-ho-so';

describe('latency histogram', () => {
  it('puts a latency in the first bucket whose bound is at least it', () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(5)).toBe(0);
    expect(latencyBucket(5.1)).toBe(1);
    expect(latencyBucket(1e9)).toBe(LATENCY_BUCKETS_MS.length - 1);
  });

  it('estimates quantiles by interpolating inside the bucket', () => {
    const buckets = LATENCY_BUCKETS_MS.map(() => 0);
    buckets[2] = 100; // (10, 25]
    expect(histogramQuantile(buckets, 0.5)).toBeCloseTo(17.5);
    expect(
      histogramQuantile(
        LATENCY_BUCKETS_MS.map(() => 0),
        0.5,
      ),
    ).toBe(0);
  });
});

for (const dialect of DIALECTS) {
  describe(`traffic statistics on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('aggregates per minute, client, service and status in the same transactions as the entries', async () => {
      store = await createTestStore(dialect);
      const log = await openLog(store, buildNodeKey());
      const records = [
        ...Array.from({ length: 9 }, (_, i) => buildRecord({ startedAt: MINUTE + i * 1000, durationMs: 20 })),
        buildRecord({ startedAt: MINUTE + 59_999, durationMs: 3000 }),
        buildRecord({ startedAt: MINUTE + 60_000, durationMs: 4 }),
        buildRecord({
          startedAt: MINUTE + 1,
          clientId: null,
          status: 401,
          errorCode: 'client-auth-failed',
          durationMs: 1,
        }),
      ];
      // Two separate groups, so the second merges into rows the first created.
      await Promise.all(records.slice(0, 5).map((r) => log.append(r)));
      await Promise.all(records.slice(5).map((r) => log.append(r)));
      await log.close();

      const stats = await readTrafficStats(store, { from: MINUTE, to: MINUTE + 120_000, serviceId: SERVICE });
      expect(stats.map((s) => [s.minute - MINUTE, s.clientId, s.status, s.count])).toEqual([
        [0, null, 401, 1],
        [0, 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA', 200, 10],
        [60_000, 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA', 200, 1],
      ]);
      const busy = stats[1]!;
      expect(busy.totalMs).toBeCloseTo(9 * 20 + 3000);
      expect(busy.buckets[2]).toBe(9);
      expect(busy.buckets[9]).toBe(1); // 3000 ms is in (2500, 5000]
      expect(busy.p50Ms).toBeGreaterThan(10);
      expect(busy.p50Ms).toBeLessThanOrEqual(25);
      expect(busy.p99Ms).toBeGreaterThan(1000);
      const raw = await store.db
        .selectFrom('traffic_minutes')
        .select('client_id')
        .where('status', '=', 401)
        .execute();
      expect(raw).toEqual([{ client_id: '' }]);
      expect(
        await readTrafficStats(store, { from: MINUTE, to: MINUTE + 60_000, clientId: null }),
      ).toHaveLength(1);
    });
  });
}
