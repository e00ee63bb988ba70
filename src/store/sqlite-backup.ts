import { chmodSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { CangError } from '../core/index.js';
import type { Store } from './create-store.js';

/**
 * Writes a consistent copy of a SQLite store to `target` while it stays in use: `VACUUM INTO` reads one
 * snapshot of the database (writers carry on under WAL) and writes a compact file. The copy is 0600.
 */
export async function copySqliteStore(store: Store, target: string): Promise<void> {
  if (store.dialect !== 'sqlite' || store.sqliteFile === null) {
    throw new CangError('conflict', 'Only a SQLite file store can be copied this way');
  }
  if (existsSync(target)) throw new CangError('conflict', `${target} exists already`);
  await sql`vacuum into ${target}`.execute(store.db);
  chmodSync(target, 0o600);
}
