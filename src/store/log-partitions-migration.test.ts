import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase } from '../../test/support/dialects.js';
import { createStore, type Store } from './index.js';
import { MIGRATIONS } from './migrations/index.js';

const BEFORE = '2026-12-04-1-sample-marks';

/** A log row as the migration finds it, written before the log was partitioned. */
function row(seq: number, startedAt: number) {
  return {
    node_id: 'hp-node-1',
    seq,
    id: `0190a0b0-${seq.toString(16).padStart(8, '0')}-7000-8000-000000000000`,
    started_at: startedAt,
    duration_ms: 1.5,
    method: 'GET',
    path: `/ho-so/${seq}`,
    status: 200,
    request_bytes: 0,
    response_bytes: 10,
    prev_hash: 'p'.repeat(43),
    hash: String(seq).padStart(43, 'h'),
  };
}

for (const dialect of DIALECTS) {
  describe(`the log-partitions migration on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('keeps every log row, and on postgres moves each into its month partition', async () => {
      store = createStore(await createTestDatabase(dialect));
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      });
      const before = await migrator.migrateTo(BEFORE);
      expect(before.error).toBeUndefined();
      const rows = [
        row(1, Date.UTC(2026, 9, 31, 23, 59, 59, 999)),
        row(2, Date.UTC(2026, 10, 1)),
        row(3, Date.UTC(2026, 10, 20)),
      ];
      await store.db.insertInto('log_entries').values(rows).execute();

      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      expect(after.results?.map((r) => r.migrationName)).toContain('2026-12-04-5-log-partitions');
      const kept = await store.db.selectFrom('log_entries').selectAll().orderBy('seq').execute();
      expect(
        kept.map((r) => ({ seq: Number(r.seq), hash: r.hash, started_at: Number(r.started_at) })),
      ).toEqual(rows.map((r) => ({ seq: r.seq, hash: r.hash, started_at: r.started_at })));
      if (dialect === 'postgres') {
        const { rows: where } = await sql<{ seq: string; partition: string }>`
          SELECT seq, tableoid::regclass::text AS partition FROM log_entries ORDER BY seq`.execute(store.db);
        expect(where.map((w) => w.partition)).toEqual([
          'log_entries_y2026m10',
          'log_entries_y2026m11',
          'log_entries_y2026m11',
        ]);
        // The keys carry the partition key, and still refuse a second entry with the same seq and time.
        await expect(
          store.db
            .insertInto('log_entries')
            .values({ ...row(3, Date.UTC(2026, 10, 20)), id: 'other' })
            .execute(),
        ).rejects.toThrow();
      } else {
        // SQLite keeps its keys: the same seq twice is refused whatever its time.
        await expect(
          store.db
            .insertInto('log_entries')
            .values({ ...row(3, Date.UTC(2026, 10, 21)), id: 'other' })
            .execute(),
        ).rejects.toThrow();
      }
    });
  });
}
