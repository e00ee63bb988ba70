import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { uuidV7 } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { listLogPartitions, logPartitionOf } from './log-partitions.js';
import { scheduleLogPartitions } from './log-partition-schedule.js';
import { logSearchQuery, searchLog } from './search-log.js';
import { appendSequentially, buildNodeKey, buildRecord, openLog } from './test-support/log-fixtures.js';

const silent = { info() {}, warn() {}, error() {} } as never;

/** The partition that holds the entry with this id. */
async function partitionOfEntry(store: Store, id: string): Promise<string | undefined> {
  const { rows } = await sql<{ partition: string }>`SELECT tableoid::regclass::text AS partition
    FROM log_entries WHERE id = ${id}`.execute(store.db);
  return rows[0]?.partition;
}

describe('the log partitions by month on postgres', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('names a month partition by its UTC month, with the month as its bounds', () => {
    expect(logPartitionOf(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toEqual({
      name: 'log_entries_y2026m12',
      from: Date.UTC(2026, 11, 1),
      to: Date.UTC(2027, 0, 1),
    });
  });

  it('creates this month and the next two when the node starts', async () => {
    store = await createTestStore('postgres');
    const now = Date.UTC(2031, 4, 17);
    const stop = scheduleLogPartitions({ store, logger: silent, now: () => now });
    stop();
    // The schedule's first run is started, not awaited: wait for its outcome.
    const names = async () => (await listLogPartitions(store!.db)).map((p) => p.name);
    await waitUntil(async () => (await names()).includes('log_entries_y2031m07'), 'July 2031 is created');
    expect(await names()).toEqual(
      expect.arrayContaining(['log_entries_y2031m05', 'log_entries_y2031m06', 'log_entries_y2031m07']),
    );
  });

  it('writes an entry of a month without a partition into a new partition of that month', async () => {
    store = await createTestStore('postgres');
    const log = await openLog(store, buildNodeKey());
    const startedAt = Date.UTC(2033, 1, 3, 4, 5, 6);
    const record = buildRecord({ id: uuidV7(startedAt), startedAt });
    expect((await listLogPartitions(store.db)).map((p) => p.name)).not.toContain('log_entries_y2033m02');
    await log.append(record);
    await appendSequentially(log, 2, { startedAt: Date.UTC(2033, 2, 1) });
    await log.close();
    expect(await partitionOfEntry(store, record.id)).toBe('log_entries_y2033m02');
    const march = await sql<{ n: string }>`SELECT count(*) AS n FROM log_entries_y2033m03`.execute(store.db);
    expect(Number(march.rows[0]!.n)).toBe(2);
  });

  it('finds a transaction by id in one partition: the id carries its month', async () => {
    store = await createTestStore('postgres');
    const log = await openLog(store, buildNodeKey());
    const ids: string[] = [];
    for (const month of [8, 9, 10]) {
      const startedAt = Date.UTC(2026, month, 15);
      const record = buildRecord({ id: uuidV7(startedAt), startedAt });
      ids.push(record.id);
      await log.append(record);
    }
    await log.close();
    const { items } = await searchLog(store, { id: ids[1]! });
    expect(items.map((i) => i.id)).toEqual([ids[1]]);

    const compiled = logSearchQuery(store, { id: ids[1]! }, 50).compile();
    const { rows } = await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (FORMAT JSON) ${sql.raw(
      compiled.sql.replace(
        /\$(\d+)/g,
        (_, n: string) => sql.lit(compiled.parameters[Number(n) - 1]).compile(store!.db).sql,
      ),
    )}`.execute(store.db);
    const scanned =
      JSON.stringify(rows[0]!['QUERY PLAN']).match(/"Relation Name":"(log_entries_[^"]+)"/g) ?? [];
    expect(scanned).toEqual(['"Relation Name":"log_entries_y2026m10"']);
  });
});
