import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Federation between instances: the partners trusted from their anchors, what this instance offers
// each partner, which local systems may call out to each (closed by default), and each exchange node's
// federation address and the SPKI fingerprint of its TLS key, which the federation configuration lists.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('federation_partners')
    .addColumn('instance', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('configuration_urls', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_offers')
    .addColumn('partner', 'text', (c) =>
      c.notNull().references('federation_partners.instance').onDelete('cascade'),
    )
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('publish_openapi', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('federation_offers_pk', ['partner', 'service_id'])
    .execute();
  await db.schema
    .createIndex('federation_offers_service')
    .on('federation_offers')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('federation_outbound')
    .addColumn('partner', 'text', (c) =>
      c.notNull().references('federation_partners.instance').onDelete('cascade'),
    )
    .addColumn('client_system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('federation_outbound_pk', ['partner', 'client_system_id'])
    .execute();
  await db.schema
    .createIndex('federation_outbound_client')
    .on('federation_outbound')
    .column('client_system_id')
    .execute();

  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable('nodes').addColumn('federation_address', 'text').execute();
  await db.schema.alterTable('nodes').addColumn('federation_tls_fingerprint', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nodes').dropColumn('federation_tls_fingerprint').execute();
  await db.schema.alterTable('nodes').dropColumn('federation_address').execute();
  for (const table of ['federation_outbound', 'federation_offers', 'federation_partners']) {
    await db.schema.dropTable(table).execute();
  }
}
