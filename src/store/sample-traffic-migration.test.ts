import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/support/dialects.js';
import { createStore, type Store } from './index.js';
import { MIGRATIONS } from './migrations/index.js';

const BEFORE = '2026-12-04-7-log-search-indexes';
const MINUTE = Date.UTC(2026, 10, 26, 9, 30);

/** A per-minute row as the foundation's table held it, before the sample mark. */
const row = (status: number) => ({
  minute: MINUTE,
  client_id: 'VN-HP/GOV/SNV/HRM',
  service_id: 'VN-HP/GOV/STP/HOTICH/khai-sinh',
  status,
  count: 7,
  total_ms: 70,
  latency_buckets: '[0,7]',
});

for (const dialect of DIALECTS) {
  describe(`the sample-traffic migration on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('keeps every row as real calls and lets a minute hold sample calls beside them', async () => {
      store = createStore(await createTestDatabase(dialect));
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      });
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      // The table as it was, written without the column this migration adds.
      const before = store.db as unknown as Kysely<{ traffic_minutes: ReturnType<typeof row> }>;
      await before
        .insertInto('traffic_minutes')
        .values([row(200), row(403)])
        .execute();

      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      expect(after.results?.map((r) => r.migrationName)).toContain('2026-12-04-8-sample-traffic');
      const kept = await store.db.selectFrom('traffic_minutes').selectAll().orderBy('status').execute();
      expect(kept.map((r) => ({ status: r.status, count: Number(r.count), sample: r.sample }))).toEqual([
        { status: 200, count: 7, sample: 0 },
        { status: 403, count: 7, sample: 0 },
      ]);
      // The key now holds the mark: sample calls of the same minute are a row of their own, once.
      await store.db
        .insertInto('traffic_minutes')
        .values({ ...row(200), sample: 1, node_id: '' })
        .execute();
      await expect(
        store.db
          .insertInto('traffic_minutes')
          .values({ ...row(200), sample: 1, node_id: '' })
          .execute(),
      ).rejects.toThrow();
      // The index on service and minute is there still, after SQLite's rebuild too.
      const { rows } =
        dialect === 'sqlite'
          ? await sql<{ name: string }>`SELECT name FROM sqlite_master
              WHERE type = 'index' AND tbl_name = 'traffic_minutes'`.execute(store.db)
          : await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes
              WHERE tablename = 'traffic_minutes'`.execute(store.db);
      expect(rows.map((r) => r.name)).toContain('traffic_minutes_service');
    });
  });
}
