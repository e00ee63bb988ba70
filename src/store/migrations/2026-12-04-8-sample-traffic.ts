import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
//
// The per-minute traffic figures tell sample calls (purpose code MAU-MINH-HOA) from real ones, so that
// measured indicators count only real calls while the traffic charts still show both. `sample` joins
// the primary key, since one minute of one client, service and status may hold calls of both kinds;
// the rows already there are counted as real calls (0). PostgreSQL changes the key in place; SQLite
// cannot change a primary key, so there the table is rebuilt under the same name, index included.

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE traffic_minutes ADD COLUMN sample integer NOT NULL DEFAULT 0`.execute(db);
    await sql`ALTER TABLE traffic_minutes DROP CONSTRAINT traffic_minutes_pk`.execute(db);
    await sql`ALTER TABLE traffic_minutes ADD CONSTRAINT traffic_minutes_pk
      PRIMARY KEY (minute, client_id, service_id, status, sample)`.execute(db);
    return;
  }
  await rebuildSqlite(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The sample calls' figures go; the log still holds the calls themselves.
  await db.deleteFrom('traffic_minutes').where('sample', '=', 1).execute();
  if (isPostgres(db)) {
    await sql`ALTER TABLE traffic_minutes DROP CONSTRAINT traffic_minutes_pk`.execute(db);
    await sql`ALTER TABLE traffic_minutes DROP COLUMN sample`.execute(db);
    await sql`ALTER TABLE traffic_minutes ADD CONSTRAINT traffic_minutes_pk
      PRIMARY KEY (minute, client_id, service_id, status)`.execute(db);
    return;
  }
  await rebuildSqlite(db, false);
}

/** Rebuilds SQLite's traffic_minutes with or without the `sample` column in its key. */
async function rebuildSqlite(db: Kysely<any>, withSample: boolean): Promise<void> {
  // The foundation's columns and types, as Kysely wrote them there.
  await sql`CREATE TABLE traffic_minutes_rebuilt (
    minute bigint NOT NULL,
    client_id text NOT NULL,
    service_id text NOT NULL,
    status integer NOT NULL,
    count bigint NOT NULL,
    total_ms double precision NOT NULL,
    latency_buckets text NOT NULL,
    ${withSample ? sql`sample integer NOT NULL DEFAULT 0,` : sql``}
    CONSTRAINT traffic_minutes_pk PRIMARY KEY (minute, client_id, service_id, status${withSample ? sql`, sample` : sql``})
  )`.execute(db);
  const columns = sql.join(
    ['minute', 'client_id', 'service_id', 'status', 'count', 'total_ms', 'latency_buckets'].map((c) =>
      sql.ref(c),
    ),
  );
  await sql`INSERT INTO traffic_minutes_rebuilt (${columns}) SELECT ${columns} FROM traffic_minutes`.execute(
    db,
  );
  await db.schema.dropTable('traffic_minutes').execute();
  await db.schema.alterTable('traffic_minutes_rebuilt').renameTo('traffic_minutes').execute();
  await db.schema
    .createIndex('traffic_minutes_service')
    .on('traffic_minutes')
    .columns(['service_id', 'minute'])
    .execute();
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
