import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// A logged body is kept only up to the node's limit (CANG_LOGGED_REQUEST_BODY_MAX_BYTES and
// CANG_LOGGED_RESPONSE_BODY_MAX_BYTES); these flags say that a body was cut. Its hash in the chain
// still covers the whole body.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('log_bodies')
    .addColumn('request_truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('log_bodies')
    .addColumn('response_truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('log_bodies').dropColumn('response_truncated').execute();
  await db.schema.alterTable('log_bodies').dropColumn('request_truncated').execute();
}
