import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

/** The SQL dialects Cảng runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** An open store: the Kysely instance plus what callers need to know about it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Brings the schema up to date; returns per-migration results. */
  migrate(): Promise<MigrationResultSet>;
  close(): Promise<void>;
}

/** Where the store lives: a PostgreSQL URL, or a SQLite file (`:memory:` for tests). */
export type StoreLocation = { readonly postgresUrl: string } | { readonly sqliteFile: string };

// int8 (bigint) columns hold Unix milliseconds and counters, all far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// numeric aggregates (sum over bigint) come back as numeric.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** The default SQLite file under a data directory. */
export function sqliteFileIn(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'cang.sqlite');
}

/** Opens a store. Nothing is created or migrated until `migrate()` is called. */
export function createStore(location: StoreLocation): Store {
  if ('postgresUrl' in location) {
    const pool = new pg.Pool({ connectionString: location.postgresUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return buildStore(db, 'postgres');
  }
  const sqlite = new SqliteDatabase(location.sqliteFile);
  // WAL lets readers run beside the writer; synchronous=FULL makes each commit durable,
  // which the transaction log needs ("durable before answer", ARCHITECTURE.md).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return buildStore(db, 'sqlite');
}

function buildStore(db: Kysely<Database>, dialect: DialectName): Store {
  return {
    db,
    dialect,
    async migrate() {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
      const result = await migrator.migrateToLatest();
      if (result.error) throw result.error;
      return result;
    },
    close: () => db.destroy(),
  };
}
