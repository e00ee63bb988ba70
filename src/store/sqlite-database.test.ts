import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, openSqliteDatabase, type Store } from './index.js';

describe('SQLite on node:sqlite', () => {
  let dir: string;
  let store: Store | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cang-sqlite-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens every writing connection in WAL with synchronous=FULL, foreign keys and a busy timeout', async () => {
    store = createStore({ sqliteFile: join(dir, 'cang.sqlite') });
    await store.migrate();
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`PRAGMA ${name}`).execute(store!.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(store.sqliteFile).toBe(join(dir, 'cang.sqlite'));
  });

  it('has FTS5, which catalog search needs', async () => {
    store = createStore({ sqliteFile: ':memory:' });
    expect(store.sqliteFile).toBeNull();
    await sql`CREATE VIRTUAL TABLE probe USING fts5(body)`.execute(store.db);
    await sql`INSERT INTO probe (body) VALUES ('ho tich ho gia dinh')`.execute(store.db);
    const { rows } = await sql<{ body: string }>`SELECT body FROM probe WHERE probe MATCH 'tich'`.execute(
      store.db,
    );
    expect(rows.map((row) => row.body)).toEqual(['ho tich ho gia dinh']);
  });

  it('reads through Kysely: selects, RETURNING, affected rows, and rolls back a failed transaction whole', async () => {
    store = createStore({ sqliteFile: join(dir, 'cang.sqlite') });
    await store.migrate();
    const db = store.db;
    const inserted = await db
      .insertInto('meta')
      .values({ key: 'probe', value: '1' })
      .returning(['key', 'value'])
      .executeTakeFirstOrThrow();
    expect({ ...inserted }).toEqual({ key: 'probe', value: '1' });
    const updated = await db
      .updateTable('meta')
      .set({ value: '2' })
      .where('key', '=', 'probe')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('meta').set({ value: '3' }).where('key', '=', 'probe').execute();
        await trx.insertInto('meta').values({ key: 'probe', value: 'duplicate' }).execute();
      })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 1555 });
    const row = await db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'probe')
      .executeTakeFirstOrThrow();
    expect(row.value).toBe('2');
  });

  it('opens a read-only connection that cannot write', () => {
    const writer = openSqliteDatabase(join(dir, 'cang.sqlite'));
    writer.exec('CREATE TABLE t (x INTEGER)');
    writer.close();
    const reader = openSqliteDatabase(join(dir, 'cang.sqlite'), { readOnly: true });
    try {
      expect(() => reader.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/);
    } finally {
      reader.close();
    }
  });
});
