import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Login throttling: failed logins counted per username and per client address, in the store so that every
// admin node behind a load balancer sees the same counts. And the flag that makes a user change the
// password at the next login (the first administrator, whose generated password was printed once).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // `user:{username}` or `address:{ip}`.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    // No attempt is checked before this time (Unix ms); 0 when attempts are free.
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_throttle_last_failure_at')
    .on('login_throttle')
    .column('last_failure_at')
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.dropTable('login_throttle').execute();
}
