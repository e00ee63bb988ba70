import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/support/dialects.js';
import { createStore, type Store } from './index.js';
import { MIGRATIONS } from './migrations/index.js';

const BEFORE = '2026-12-04-8-sample-traffic';
const MINUTE = Date.UTC(2026, 10, 26, 9, 30);

/** A per-minute row as the table held it before the node id. */
const row = (sample: number, count: number, buckets: string) => ({
  minute: MINUTE,
  client_id: 'VN-HP/GOV/SNV/HRM',
  service_id: 'VN-HP/GOV/STP/HOTICH/khai-sinh',
  status: 200,
  sample,
  count,
  total_ms: count * 10,
  latency_buckets: buckets,
});

for (const dialect of DIALECTS) {
  describe(`the traffic-per-node migration on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('keeps the figures under node id "", lets each node hold its own row, and merges them going down', async () => {
      store = createStore(await createTestDatabase(dialect));
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      });
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      const before = store.db as unknown as Kysely<{ traffic_minutes: ReturnType<typeof row> }>;
      await before
        .insertInto('traffic_minutes')
        .values([row(0, 7, '[0,7]'), row(1, 2, '[2]')])
        .execute();

      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      expect(after.results?.map((r) => r.migrationName)).toContain('2026-12-05-7-traffic-per-node');
      const kept = await store.db.selectFrom('traffic_minutes').selectAll().orderBy('sample').execute();
      expect(kept.map((r) => [r.node_id, r.sample, Number(r.count), r.latency_buckets])).toEqual([
        ['', 0, 7, '[0,7]'],
        ['', 1, 2, '[2]'],
      ]);
      // The key now holds the node: another node's figures of the same minute are a row of their own, once.
      await store.db
        .insertInto('traffic_minutes')
        .values({ ...row(0, 3, '[1,2]'), node_id: 'hp-node-1' })
        .execute();
      await expect(
        store.db
          .insertInto('traffic_minutes')
          .values({ ...row(0, 3, '[1,2]'), node_id: 'hp-node-1' })
          .execute(),
      ).rejects.toThrow();
      const { rows } =
        dialect === 'sqlite'
          ? await sql<{ name: string }>`SELECT name FROM sqlite_master
              WHERE type = 'index' AND tbl_name = 'traffic_minutes'`.execute(store.db)
          : await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes
              WHERE tablename = 'traffic_minutes'`.execute(store.db);
      expect(rows.map((r) => r.name)).toContain('traffic_minutes_service');

      // Going down, every node's row of a key is merged into one: counts, time and histogram.
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      const merged = await before.selectFrom('traffic_minutes').selectAll().orderBy('sample').execute();
      expect(merged.map((r) => [r.sample, Number(r.count), Number(r.total_ms), r.latency_buckets])).toEqual([
        [0, 10, 100, '[1,9]'],
        [1, 2, 20, '[2]'],
      ]);
    });
  });
}
