import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The sample installation's periodic reports (the communes' 2025-H2 and 2026 reports) carry the sample
// mark that the other sample rows carry since 2026-12-04-1.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('steering_reports')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('steering_reports').dropColumn('sample').execute();
}
