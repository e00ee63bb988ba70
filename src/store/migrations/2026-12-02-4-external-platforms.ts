import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// External platforms: API gateways that are not Cảng (the national platform's, a ministry's), reached with
// OAuth2 client credentials or an API key. Each is bound to a local information system that stands for it;
// the services of that system are forwarded with the platform's credential. The secret (client secret or
// API key) is stored sealed (AES-256-GCM, src/core/secret-box.ts), never in clear.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('external_platforms')
    .addColumn('system_id', 'text', (c) => c.primaryKey().references('systems.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('auth_kind', 'text', (c) => c.notNull())
    .addColumn('token_url', 'text')
    .addColumn('client_id', 'text')
    .addColumn('scope', 'text')
    .addColumn('api_key_header', 'text')
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('external_platforms').execute();
}
