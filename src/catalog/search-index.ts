import { type Kysely, sql } from 'kysely';
import type { CatalogEntryTable, Database, DialectName } from '../store/index.js';
import type { EntryContent } from './entry-rows.js';
import { filterTokensOf } from './search-filter-tokens.js';

/** Longest prefix PostgreSQL's search row indexes as a `pre*` lexeme (as FTS5's prefix='2 3'). */
export const MAX_INDEXED_PREFIX = 3;

/**
 * An entry's facet values in one compact column, what a search reads and counts per match:
 * `kind classification publisher #theme… .format… ` (space-separated, with a trailing space), so a
 * theme or format filter is `LIKE '% #JUST %'` on the same column.
 */
export function searchFacetsOf(
  kind: string,
  classification: string,
  publisher: string,
  themes: readonly string[],
  formats: readonly string[],
): string {
  const list = (mark: string, values: readonly string[]) =>
    [...new Set(values)]
      .sort()
      .map((value) => ` ${mark}${value}`)
      .join('');
  return `${kind} ${classification} ${publisher}${list('#', themes)}${list('.', formats)} `;
}

/** The `LIKE` pattern of one theme (`#`) or format (`.`) value in `search_facets`. */
export function facetPattern(facet: 'theme' | 'format', value: string): string {
  return `% ${facet === 'theme' ? '#' : '.'}${value} %`;
}

/** The `pre*` lexemes of folded text: every 2–3 letter prefix of its words (PostgreSQL only). */
export function prefixLexemes(searchText: string): string[] {
  const prefixes = new Set<string>();
  for (const word of searchText.split(' ')) {
    for (let n = 2; n <= Math.min(word.length, MAX_INDEXED_PREFIX); n++) prefixes.add(`${word.slice(0, n)}*`);
  }
  return [...prefixes];
}

/** What the search index of one entry is built from. */
export type SearchSource = Pick<
  CatalogEntryTable,
  | 'id'
  | 'kind'
  | 'classification'
  | 'publisher_id'
  | 'state'
  | 'search_text'
  | 'search_rowid'
  | 'search_facets'
>;

/** SQLite's FTS5 row of an entry: the folded text, the filter tokens and the facets a search counts. */
export function sqliteSearchRow(entry: SearchSource & { readonly search_rowid: number }) {
  return {
    rowid: entry.search_rowid,
    body: entry.search_text,
    filters: filterTokensOf(entry.state, entry.search_facets),
    facets: entry.search_facets,
  };
}

/** PostgreSQL's search row of an entry. */
export function postgresSearchRow(entry: SearchSource & { readonly search_rowid: number }) {
  return {
    id: entry.id,
    search_rowid: entry.search_rowid,
    state: entry.state,
    kind: entry.kind,
    classification: entry.classification,
    publisher_id: entry.publisher_id,
    search_facets: entry.search_facets,
    search_vector: sql<string>`to_tsvector('simple', ${entry.search_text}) || array_to_tsvector(${prefixLexemes(entry.search_text)}::text[])`,
  };
}

/**
 * Keeps the search index of one entry in step with its row, inside the caller's transaction. The entry
 * takes a new `search_rowid`, above every other, so the search's candidates (the most recently changed
 * matches) come first in rowid order; SQLite's contentless FTS5 row is replaced and PostgreSQL's
 * `catalog_search` row upserted. Call it after any change of the entry's text, facets or state.
 */
export async function indexEntry(
  trx: Kysely<Database>,
  dialect: DialectName,
  entry: SearchSource,
): Promise<void> {
  // PostgreSQL's sequence, as concurrent writers there would take the same max + 1; SQLite has one writer.
  const { next } = await (dialect === 'postgres'
    ? sql<{ next: string }>`SELECT nextval('catalog_search_rowid') AS next`.execute(trx)
    : sql<{ next: number }>`SELECT coalesce(max(search_rowid), 0) + 1 AS next FROM catalog_entries`.execute(
        trx,
      )
  ).then((r) => r.rows[0]!);
  const indexed = { ...entry, search_rowid: Number(next) };
  await trx
    .updateTable('catalog_entries')
    .set({ search_rowid: indexed.search_rowid })
    .where('id', '=', entry.id)
    .execute();
  if (dialect === 'postgres') {
    const row = postgresSearchRow(indexed);
    await trx
      .insertInto('catalog_search')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          search_rowid: row.search_rowid,
          state: row.state,
          kind: row.kind,
          classification: row.classification,
          publisher_id: row.publisher_id,
          search_facets: row.search_facets,
          search_vector: row.search_vector,
        }),
      )
      .execute();
    return;
  }
  if (entry.search_rowid !== null) {
    await sql`DELETE FROM catalog_search WHERE rowid = ${entry.search_rowid}`.execute(trx);
  }
  const row = sqliteSearchRow(indexed);
  await sql`INSERT INTO catalog_search (rowid, body, filters, facets)
    VALUES (${row.rowid}, ${row.body}, ${row.filters}, ${row.facets})`.execute(trx);
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
