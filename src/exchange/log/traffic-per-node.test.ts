import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { readTrafficStats } from './read-traffic-stats.js';
import { buildNodeKey, buildRecord, openLog } from './test-support/log-fixtures.js';
import { aggregateMinutes } from './traffic-minute-deltas.js';
import { upsertMinutes } from './traffic-stats.js';

const MINUTE = Date.UTC(2026, 10, 26, 9, 30);

/** Resolves once some session of the store's database waits on a lock; polls until `settled` says stop. */
async function lockWaitSeen(store: Store, settled: () => boolean): Promise<boolean> {
  while (!settled()) {
    const { rows } = await sql<{ waiting: number | string }>`SELECT count(*) AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(store.db);
    if (Number(rows[0]!.waiting) > 0) return true;
  }
  return false;
}

describe('per-minute traffic of several nodes on PostgreSQL', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('lets a node commit while another holds its figures of the same minute, and reads the sum', async () => {
    store = await createTestStore('postgres');
    const db = store;
    const key = buildNodeKey();
    const first = await openLog(store, key, { nodeId: 'hp-node-1' });
    const second = await openLog(store, key, { nodeId: 'hp-node-2' });
    // Both nodes already have a row of the minute, client, service, status and sample mark.
    await first.append(buildRecord({ startedAt: MINUTE + 1_000 }));
    await second.append(buildRecord({ startedAt: MINUTE + 2_000 }));

    // Node 1's next commit holds its rows locked while node 2 commits the same minute.
    const outcome = await store.db.transaction().execute(async (trx) => {
      const held = aggregateMinutes([
        buildRecord({ startedAt: MINUTE + 3_000 }),
        buildRecord({ startedAt: MINUTE + 4_000 }),
      ]);
      await upsertMinutes(trx, 'postgres', 'hp-node-1', held);
      let committed = false;
      const append = second.append(buildRecord({ startedAt: MINUTE + 5_000 })).then(() => {
        committed = true;
      });
      const blocked = await lockWaitSeen(db, () => committed);
      if (blocked) return 'blocked';
      await append;
      return 'committed';
    });
    expect(outcome).toBe('committed');
    await first.close();
    await second.close();

    const stats = await readTrafficStats(store, { from: MINUTE, to: MINUTE + 60_000 });
    expect(stats.map((s) => [s.minute, s.status, s.count, s.buckets.reduce((a, b) => a + b, 0)])).toEqual([
      [MINUTE, 200, 5, 5],
    ]);
    const rows = await store.db
      .selectFrom('traffic_minutes')
      .select(['node_id', 'count'])
      .orderBy('node_id')
      .execute();
    expect(rows.map((r) => [r.node_id, Number(r.count)])).toEqual([
      ['hp-node-1', 3],
      ['hp-node-2', 2],
    ]);
  });
});
