import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite dialect over Node's built-in `node:sqlite`. Kysely ships the dialect (query compiler,
 * connection mutex, transactions as SQL) for any database with better-sqlite3's shape; this adapter
 * gives `DatabaseSync` that shape, so the store keeps one query code for SQLite and PostgreSQL.
 */
export function nodeSqliteDialect(database: DatabaseSync): SqliteDialect {
  const adapted: SqliteDatabase = {
    close: () => database.close(),
    // Kysely opens every transaction with a deferred `begin`. One that reads and then writes fails at
    // once with SQLITE_BUSY when another connection (a CLI command, the log's commit thread) wrote in
    // between, since its snapshot is stale; `begin immediate` takes the write lock up front and waits
    // for it under the busy timeout instead.
    prepare: (sql) => adaptStatement(database.prepare(sql === 'begin' ? 'begin immediate' : sql)),
  };
  return new SqliteDialect({ database: adapted });
}

function adaptStatement(statement: StatementSync): SqliteStatement {
  const values = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[];
  return {
    // A statement that yields columns (SELECT, … RETURNING, a PRAGMA query) is read with all().
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...values(parameters)),
    run: (parameters) => statement.run(...values(parameters)),
    iterate: (parameters) => statement.iterate(...values(parameters)),
  };
}
