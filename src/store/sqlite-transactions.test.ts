import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';

describe('SQLite transactions', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('take the write lock when they begin, so a read-then-write is never refused by another writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cang-sqlite-tx-'));
    dirs.push(dir);
    const file = join(dir, 'cang.sqlite');
    const store = createStore({ sqliteFile: file });
    await store.migrate();
    // Another process's connection, which never waits for a lock.
    const other = new DatabaseSync(file, { timeout: 0 });
    let otherCouldWrite: boolean | undefined;
    await store.db.transaction().execute(async (trx) => {
      await trx.selectFrom('meta').selectAll().execute();
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        otherCouldWrite = true;
      } catch (error) {
        expect((error as { errcode?: number }).errcode).toBe(5); // SQLITE_BUSY
        otherCouldWrite = false;
      }
      await trx.insertInto('meta').values({ key: 'test', value: 'written' }).execute();
    });
    expect(otherCouldWrite).toBe(false);
    // Once it committed, the other connection writes at once.
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
    other.close();
    expect(await store.db.selectFrom('meta').selectAll().where('key', '=', 'test').execute()).toHaveLength(1);
    await store.close();
  });
});
