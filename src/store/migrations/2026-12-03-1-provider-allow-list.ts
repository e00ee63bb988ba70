import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The provider allow-list: where a platform administrator lets each organisation's services point (host
// names, `*.` domains, IP addresses or CIDR blocks, each with its ports). An organisation administrator
// may set a base URL only inside it, and the exchange connects to private and other special addresses
// only when it names them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('provider_allow_list')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('ports', 'text') // JSON array of port numbers; null allows every port
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_allow_list_pk', ['organisation_id', 'address'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('provider_allow_list').execute();
}
