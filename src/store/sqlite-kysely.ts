import { Kysely } from 'kysely';
import { nodeSqliteDialect } from './node-sqlite-dialect.js';
import type { Database } from './schema.js';
import { openSqliteDatabase } from './sqlite-database.js';

/**
 * Kysely over a SQLite file opened with Cảng's settings: the store's own connection, and that of the log's
 * commit thread, which imports this module alone to stay without pg, the migrations and the rest of the
 * store's index.
 */
export function openSqliteKysely(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: nodeSqliteDialect(openSqliteDatabase(file)) });
}
