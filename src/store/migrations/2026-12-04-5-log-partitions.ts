import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
//
// PostgreSQL: `log_entries` becomes a table partitioned by month on `started_at` (declarative
// `PARTITION BY RANGE`, one partition per UTC calendar month, named `log_entries_yYYYYmMM`), so that
// retention drops whole months once verified exports cover them instead of deleting rows.
// Kysely's migrator runs the pending migrations in one transaction on PostgreSQL, so the steps below
// (create the partitioned table and the partitions of every month that has rows, move the rows, drop
// the old table, take its name, recreate the keys and indexes) commit together or not at all.
//
// PostgreSQL requires the partition key in every unique key, so the keys become
// (node_id, seq, started_at) and (id, started_at). What still keeps them unique:
// - (node_id, seq): one writer per node chain hands out each seq once, and verification walks seq by
//   seq and reports a duplicate or a gap;
// - id: a transaction id is a UUIDv7 made from the call's start time (74 random bits within the
//   millisecond), and that time is the entry's started_at, so one id cannot fall into two months.
// A lookup by id reads the time out of the id and bounds started_at around it, which prunes the search
// to the id's partition (searchLog).
//
// SQLite has no partitions: its log keeps the old keys, retention there stays row by row, and this
// migration changes nothing on it (the column types and names are the same on both).

/** The UTC month partition holding `ms`: its name and bounds (Unix ms, upper bound exclusive). */
function monthOf(ms: number): { name: string; from: number; to: number } {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const name = `log_entries_y${String(year).padStart(4, '0')}m${String(month + 1).padStart(2, '0')}`;
  return { name, from: Date.UTC(year, month, 1), to: Date.UTC(year, month + 1, 1) };
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE TABLE log_entries_by_month (LIKE log_entries INCLUDING DEFAULTS)
    PARTITION BY RANGE (started_at)`.execute(db);
  // Every month with rows, and this month and the next, so that the node writes on right away.
  const { rows } = await sql<{ month: string }>`SELECT DISTINCT
    (extract(epoch FROM date_trunc('month', to_timestamp(started_at / 1000.0) AT TIME ZONE 'UTC')) * 1000)::bigint AS month
    FROM log_entries`.execute(db);
  const now = Date.now();
  const months = new Set([...rows.map((r) => Number(r.month)), monthOf(now).from, monthOf(now).to]);
  for (const start of months) {
    const m = monthOf(start);
    await sql`CREATE TABLE ${sql.id(m.name)} PARTITION OF log_entries_by_month
      FOR VALUES FROM (${sql.lit(m.from)}) TO (${sql.lit(m.to)})`.execute(db);
  }
  await sql`INSERT INTO log_entries_by_month SELECT * FROM log_entries`.execute(db);
  await sql`DROP TABLE log_entries`.execute(db);
  await sql`ALTER TABLE log_entries_by_month RENAME TO log_entries`.execute(db);
  await sql`ALTER TABLE log_entries ADD CONSTRAINT log_entries_pk PRIMARY KEY (node_id, seq, started_at)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX log_entries_id ON log_entries (id, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_started ON log_entries (started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_service ON log_entries (service_id, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_client ON log_entries (client_id, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_subject ON log_entries (subject_hash)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE TABLE log_entries_flat (LIKE log_entries INCLUDING DEFAULTS)`.execute(db);
  await sql`INSERT INTO log_entries_flat SELECT * FROM log_entries`.execute(db);
  await sql`DROP TABLE log_entries`.execute(db);
  await sql`ALTER TABLE log_entries_flat RENAME TO log_entries`.execute(db);
  await sql`ALTER TABLE log_entries ADD CONSTRAINT log_entries_pk PRIMARY KEY (node_id, seq)`.execute(db);
  await sql`ALTER TABLE log_entries ADD CONSTRAINT log_entries_id_key UNIQUE (id)`.execute(db);
  await sql`CREATE INDEX log_entries_started ON log_entries (started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_service ON log_entries (service_id, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_client ON log_entries (client_id, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_subject ON log_entries (subject_hash)`.execute(db);
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
