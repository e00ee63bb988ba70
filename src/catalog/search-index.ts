import { type Kysely, sql } from 'kysely';
import type { CatalogEntryTable, Database, DialectName } from '../store/index.js';
import type { EntryContent } from './entry-rows.js';

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

/** PostgreSQL's search row of an entry. */
export function postgresSearchRow(entry: SearchSource) {
  return {
    id: entry.id,
    state: entry.state,
    kind: entry.kind,
    classification: entry.classification,
    publisher_id: entry.publisher_id,
    search_facets: entry.search_facets,
    search_vector: sql<string>`to_tsvector('simple', ${entry.search_text}) || array_to_tsvector(${prefixLexemes(entry.search_text)}::text[])`,
  };
}

/**
 * Keeps the search index of one entry in step with its row, inside the caller's transaction:
 * SQLite's contentless FTS5 row (rowid = the entry's `search_rowid`, allocated here) is replaced;
 * PostgreSQL's `catalog_search` row is upserted. Call it after any change of the entry's text,
 * facets or state.
 */
export async function indexEntry(
  trx: Kysely<Database>,
  dialect: DialectName,
  entry: SearchSource,
): Promise<void> {
  if (dialect === 'postgres') {
    const row = postgresSearchRow(entry);
    await trx
      .insertInto('catalog_search')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
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
  let rowid = entry.search_rowid;
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
  await sql`INSERT INTO catalog_search (rowid, body) VALUES (${rowid}, ${entry.search_text})`.execute(trx);
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
