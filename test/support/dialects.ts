import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createStore, type DialectName, type Store, type StoreLocation } from '../../src/store/index.js';

/** Every dialect the store suites run against (Kysely's test-setup pattern). */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** URL of a fresh, empty PostgreSQL database on the test server. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `cang_test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A migrated store on a fresh database of the given dialect. */
export async function createTestStore(dialect: DialectName): Promise<Store> {
  const store =
    dialect === 'postgres'
      ? createStore({ postgresUrl: await createPostgresDatabase() })
      : createStore({ sqliteFile: ':memory:' });
  await store.migrate();
  return store;
}

/**
 * Where a fresh, empty database of the given dialect lives, for tests that open it more than once, as two
 * processes or nodes do: a new PostgreSQL database, or a SQLite file in a new temporary folder.
 */
export async function createTestDatabase(dialect: DialectName): Promise<StoreLocation> {
  return dialect === 'postgres'
    ? { postgresUrl: await createPostgresDatabase() }
    : { sqliteFile: join(mkdtempSync(join(tmpdir(), 'cang-db-')), 'cang.sqlite') };
}
