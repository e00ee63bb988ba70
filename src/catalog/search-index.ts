import { type Kysely, sql } from 'kysely';
import type { Database, DialectName } from '../store/index.js';
import type { EntryContent } from './entry-rows.js';

/**
 * Keeps the search index of one entry in step with its row, inside the caller's transaction.
 * PostgreSQL's tsvector column is generated from `search_text`, so only SQLite's contentless FTS5
 * table needs writing: its row (rowid = the entry's `search_rowid`) is replaced.
 * Returns the entry's `search_rowid` (null on PostgreSQL).
 */
export async function indexEntryText(
  trx: Kysely<Database>,
  dialect: DialectName,
  entry: { readonly id: string; readonly searchRowid: number | null },
  searchText: string,
): Promise<number | null> {
  if (dialect === 'postgres') return null;
  let rowid = entry.searchRowid;
  if (rowid === null) {
    const { next } = await trx
      .selectFrom('catalog_entries')
      .select(sql<number>`coalesce(max(search_rowid), 0) + 1`.as('next'))
      .executeTakeFirstOrThrow();
    rowid = Number(next);
    await trx
      .updateTable('catalog_entries')
      .set({ search_rowid: rowid })
      .where('id', '=', entry.id)
      .execute();
  } else {
    await sql`DELETE FROM catalog_search WHERE rowid = ${rowid}`.execute(trx);
  }
  await sql`INSERT INTO catalog_search (rowid, body) VALUES (${rowid}, ${searchText})`.execute(trx);
  return rowid;
}

/** Replaces an entry's multi-valued facet values (themes and distribution formats). */
export async function writeFacets(
  trx: Kysely<Database>,
  entryId: string,
  content: EntryContent,
): Promise<void> {
  await trx.deleteFrom('catalog_entry_facets').where('entry_id', '=', entryId).execute();
  const rows = [
    ...[...new Set(content.themes)].map((value) => ({ entry_id: entryId, facet: 'theme' as const, value })),
    ...[...new Set(content.distributions.map((d) => d.format))].map((value) => ({
      entry_id: entryId,
      facet: 'format' as const,
      value,
    })),
  ];
  if (rows.length > 0) await trx.insertInto('catalog_entry_facets').values(rows).execute();
}

/** Replaces the data-service entries linked to a dataset. */
export async function writeLinks(
  trx: Kysely<Database>,
  datasetId: string,
  services: readonly string[],
): Promise<void> {
  await trx.deleteFrom('catalog_links').where('dataset_id', '=', datasetId).execute();
  if (services.length > 0) {
    await trx
      .insertInto('catalog_links')
      .values(services.map((service) => ({ dataset_id: datasetId, service_entry_id: service })))
      .execute();
  }
}
