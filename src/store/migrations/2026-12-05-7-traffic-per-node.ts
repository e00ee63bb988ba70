import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
//
// Each exchange node keeps its own per-minute traffic rows: `node_id` joins the primary key, so a node's
// group commit never waits on another node's for the same minute, client, service, status and sample
// mark. Readers sum over nodes. The rows already there hold the figures of every node together and
// belong to none of them; they keep node id '' (never a node's id), and the totals stay the same.
// PostgreSQL changes the key in place; SQLite cannot change a primary key, so there the table is rebuilt
// under the same name, index included.

const COLUMNS = [
  'minute',
  'client_id',
  'service_id',
  'status',
  'sample',
  'count',
  'total_ms',
  'latency_buckets',
];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE traffic_minutes ADD COLUMN node_id text NOT NULL DEFAULT ''`.execute(db);
    await sql`ALTER TABLE traffic_minutes DROP CONSTRAINT traffic_minutes_pk`.execute(db);
    await sql`ALTER TABLE traffic_minutes ADD CONSTRAINT traffic_minutes_pk
      PRIMARY KEY (minute, client_id, service_id, status, sample, node_id)`.execute(db);
    return;
  }
  await rebuildSqlite(db, true);
  await sql`INSERT INTO traffic_minutes (${columnList()})
    SELECT ${columnList()} FROM traffic_minutes_old`.execute(db);
  await db.schema.dropTable('traffic_minutes_old').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // One row per key again: every node's figures of a minute are merged, histograms bucket by bucket.
  const rows = await db.selectFrom('traffic_minutes').select(COLUMNS).execute();
  const merged = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = JSON.stringify([row.minute, row.client_id, row.service_id, row.status, row.sample]);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...row, count: Number(row.count), total_ms: Number(row.total_ms) });
      continue;
    }
    const a = JSON.parse(String(seen.latency_buckets)) as number[];
    const b = JSON.parse(String(row.latency_buckets)) as number[];
    seen.count = Number(seen.count) + Number(row.count);
    seen.total_ms = Number(seen.total_ms) + Number(row.total_ms);
    seen.latency_buckets = JSON.stringify(
      Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0)),
    );
  }
  if (isPostgres(db)) {
    await db.deleteFrom('traffic_minutes').execute();
    await sql`ALTER TABLE traffic_minutes DROP CONSTRAINT traffic_minutes_pk`.execute(db);
    await sql`ALTER TABLE traffic_minutes DROP COLUMN node_id`.execute(db);
    await sql`ALTER TABLE traffic_minutes ADD CONSTRAINT traffic_minutes_pk
      PRIMARY KEY (minute, client_id, service_id, status, sample)`.execute(db);
  } else {
    await rebuildSqlite(db, false);
    await db.schema.dropTable('traffic_minutes_old').execute();
  }
  const values = [...merged.values()];
  // 8 values per row, under both dialects' bound-parameter limits.
  for (let i = 0; i < values.length; i += 1000) {
    await db
      .insertInto('traffic_minutes')
      .values(values.slice(i, i + 1000))
      .execute();
  }
}

/**
 * Sets SQLite's traffic_minutes aside as traffic_minutes_old and creates it anew, with or without
 * `node_id` in its key; the caller moves the rows it keeps.
 */
async function rebuildSqlite(db: Kysely<any>, withNode: boolean): Promise<void> {
  await db.schema.dropIndex('traffic_minutes_service').execute();
  await db.schema.alterTable('traffic_minutes').renameTo('traffic_minutes_old').execute();
  // The columns and types as the foundation and the sample-traffic migration wrote them.
  await sql`CREATE TABLE traffic_minutes (
    minute bigint NOT NULL,
    client_id text NOT NULL,
    service_id text NOT NULL,
    status integer NOT NULL,
    count bigint NOT NULL,
    total_ms double precision NOT NULL,
    latency_buckets text NOT NULL,
    sample integer NOT NULL DEFAULT 0,
    ${withNode ? sql`node_id text NOT NULL DEFAULT '',` : sql``}
    CONSTRAINT traffic_minutes_pk PRIMARY KEY (minute, client_id, service_id, status, sample${withNode ? sql`, node_id` : sql``})
  )`.execute(db);
  await db.schema
    .createIndex('traffic_minutes_service')
    .on('traffic_minutes')
    .columns(['service_id', 'minute'])
    .execute();
}

function columnList() {
  return sql.join(COLUMNS.map((c) => sql.ref(c)));
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
