import { type Kysely, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
//
// A log search for refusals and errors (by status or by problem code) over a period read every entry of
// the period through the started_at index, to find the few that failed: at 3,000,000 entries a month's
// search for one provider status read 52,000 rows to return 51 (bench/log-query-plans.ts). These partial
// indexes hold only the failed entries (about 2 % of the traffic), so they cost the hot path's inserts
// almost nothing and make those searches read what they return. The data subject's index gains the
// start time, so that a subject's lookup over a period reads only that period's entries. On PostgreSQL
// an index on the partitioned table is made on every month's partition, now and to come.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX log_entries_subject`.execute(db);
  await sql`CREATE INDEX log_entries_subject ON log_entries (subject_hash, started_at)`.execute(db);
  await sql`CREATE INDEX log_entries_failed_status ON log_entries (status, started_at) WHERE status >= 400`.execute(
    db,
  );
  await sql`CREATE INDEX log_entries_error_code ON log_entries (error_code, started_at) WHERE error_code IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX log_entries_error_code`.execute(db);
  await sql`DROP INDEX log_entries_failed_status`.execute(db);
  await sql`DROP INDEX log_entries_subject`.execute(db);
  await sql`CREATE INDEX log_entries_subject ON log_entries (subject_hash)`.execute(db);
}
