import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The shared data catalog: entries (datasets and data services), their links, facet values, revisions,
// sharing requests and their messages. Full-text search indexes `search_text`, the entry's text folded
// to ASCII (NFD, combining marks stripped, đ→d, lower case), so "ho tich" finds "hộ tịch":
// - SQLite: a contentless FTS5 table `catalog_search` whose rowid is the entry's `search_rowid`;
// - PostgreSQL: a narrow table `catalog_search` (filter columns, compact facets and a tsvector of the
//   folded words plus their 2–3 letter prefixes as `pre*` lexemes) with a GIN index, so a search reads
//   a few hundred bytes per match instead of the wide entry row, and a prefix never needs a recheck.
// Both are kept in step by the catalog's commands inside the same transactions. `search_facets` holds
// an entry's facet values compactly, so a search counts them from one column of each match.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('publisher_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('focal_officer', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('update_frequency', 'text')
    .addColumn('temporal_start', 'text')
    .addColumn('temporal_end', 'text')
    .addColumn('spatial', 'text')
    .addColumn('licence', 'text')
    .addColumn('distributions', 'text', (c) => c.notNull())
    .addColumn('schema_document', 'text')
    .addColumn('exchange_service_id', 'text', (c) => c.references('services.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('search_rowid', 'bigint', (c) => c.unique())
    .addColumn('search_facets', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'bigint')
    .addColumn('last_reviewed_at', 'bigint')
    .addColumn('review_due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_entries_publisher')
    .on('catalog_entries')
    .columns(['publisher_id', 'state'])
    .execute();
  await db.schema
    .createIndex('catalog_entries_state')
    .on('catalog_entries')
    .columns(['state', 'classification', 'kind'])
    .execute();

  if (postgres) {
    await db.schema
      .createTable('catalog_search')
      .addColumn('id', 'text', (c) => c.primaryKey().references('catalog_entries.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('publisher_id', 'text', (c) => c.notNull())
      .addColumn('search_facets', 'text', (c) => c.notNull())
      .addColumn('search_vector', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX catalog_search_vector ON catalog_search USING gin (search_vector)`.execute(db);
  } else {
    // Covering index of what a search reads per match (filters and the compact facets), so the
    // thousands of matches of a broad query are counted without reading the wide rows.
    await db.schema
      .createIndex('catalog_entries_search_facets')
      .on('catalog_entries')
      .columns(['search_rowid', 'state', 'kind', 'classification', 'publisher_id', 'search_facets', 'id'])
      .execute();
    await sql`CREATE VIRTUAL TABLE catalog_search USING fts5(
      body, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`.execute(db);
  }

  await db.schema
    .createTable('catalog_entry_facets')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_entry_facets_pk', ['facet', 'value', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('catalog_entry_facets_entry')
    .on('catalog_entry_facets')
    .columns(['entry_id', 'facet', 'value'])
    .execute();

  await db.schema
    .createTable('catalog_links')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    .addColumn('service_entry_id', 'text', (c) =>
      c.notNull().references('catalog_entries.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('catalog_links_pk', ['dataset_id', 'service_entry_id'])
    .execute();
  await db.schema
    .createIndex('catalog_links_service')
    .on('catalog_links')
    .column('service_entry_id')
    .execute();

  await db.schema
    .createTable('catalog_revisions')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_revisions_pk', ['entry_id', 'revision'])
    .execute();

  await db.schema
    .createTable('sharing_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('client_system_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('fields_needed', 'text', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('grant_ids', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sharing_requests_owner')
    .on('sharing_requests')
    .columns(['owner_id', 'state', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('sharing_requests_requester')
    .on('sharing_requests')
    .columns(['requester_id', 'state'])
    .execute();

  await db.schema
    .createTable('sharing_request_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('sharing_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sharing_request_messages_request')
    .on('sharing_request_messages')
    .columns(['request_id', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of [
    'sharing_request_messages',
    'sharing_requests',
    'catalog_revisions',
    'catalog_links',
    'catalog_entry_facets',
    ...(postgres ? ['catalog_search'] : []),
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (!postgres) await sql`DROP TABLE catalog_search`.execute(db);
  await db.schema.dropTable('catalog_entries').execute();
}
