import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { MigrationResultSet } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './schema.js';
import { openSqliteKysely } from './sqlite-kysely.js';

/** The SQL dialects Cảng runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** An open store: the Kysely instance plus what callers need to know about it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The SQLite file behind the store, for a second connection (a worker thread); null on PostgreSQL and in memory. */
  readonly sqliteFile: string | null;
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

/**
 * How long a statement waits for a connection, whether the pool is exhausted or the server does not
 * answer (a host that is down drops packets rather than refusing): past it the statement fails, so a
 * readiness probe answers and the exchange turns calls away instead of waiting on a dead server.
 */
const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * The default SQLite file under a data directory. The directory (which also holds the keys) and the
 * database files are made readable by their owner only, whatever the umask, including those an earlier
 * version left open to others. The file is created before SQLite opens it because SQLite gives its WAL
 * and shared-memory files the database file's mode.
 */
export function sqliteFileIn(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, 'cang.sqlite');
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  for (const own of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(own)) chmodSync(own, 0o600);
  }
  return file;
}

/** Opens a store. Nothing is created or migrated until `migrate()` is called. */
export function createStore(location: StoreLocation): Store {
  if ('postgresUrl' in location) {
    const pool = new pg.Pool({
      connectionString: location.postgresUrl,
      max: 10,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    });
    // An idle connection that the server ends (a restart, a failover, an administrator) is an 'error' on
    // the pool; unhandled, it would end the process. The pool has already dropped that connection and
    // the next query opens a new one, so there is nothing more to do.
    pool.on('error', () => {});
    // A connection checked out of the pool but between two statements (inside a transaction, say) has
    // no query to fail when the server ends it, so pg emits the error on the client itself, where the
    // pool no longer listens; unhandled, it would end the process. The client is no longer queryable:
    // its next statement fails, which is where the caller learns of it, and the pool drops it on release.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return buildStore(db, 'postgres', null);
  }
  const file = location.sqliteFile;
  return buildStore(
    openSqliteKysely(file),
    'sqlite',
    file === ':memory:' || file === '' ? null : resolve(file),
  );
}

function buildStore(db: Kysely<Database>, dialect: DialectName, sqliteFile: string | null): Store {
  return {
    db,
    dialect,
    sqliteFile,
    async migrate() {
      // Loaded here, not with the store: a process or thread that only opens the store (the log's commit
      // thread, an exchange worker) never holds the migrations' code.
      const [{ Migrator }, { MIGRATIONS }] = await Promise.all([
        import('kysely/migration'),
        import('./migrations/index.js'),
      ]);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
      const result = await migrator.migrateToLatest();
      if (result.error) throw result.error;
      return result;
    },
    close: () => db.destroy(),
  };
}
