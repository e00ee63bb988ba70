import { type Kysely, type RawBuilder, sql } from 'kysely';
import { decodeCursor, encodeCursor, parseQuery } from '../core/index.js';
import { organisationNamesOf } from '../registry/index.js';
import type { Database, DialectName } from '../store/index.js';
import { searchTokens } from './search-tokens.js';
import { facetPattern, MAX_INDEXED_PREFIX } from './search-index.js';
import { SearchQuery, type SearchResult } from './search-schemas.js';

/** States a search shows unless it asks for one state explicitly. */
export const LISTED_STATES = ['published', 'deprecated'] as const;

type Facets = SearchResult['facets'];

// The text condition and rank of each match, read in one pass with the match's compact facets.
// SQLite: the entry's FTS5 row matches (rank bm25, lower is better; key = search_rowid) and the covering
// index of catalog_entries gives filters and facets. PostgreSQL: the narrow catalog_search row's tsvector
// matches (rank ts_rank, higher is better; key = id); a short last-word prefix is the indexed `pre*`
// lexeme, so it needs neither a partial GIN scan nor a recheck. Tokens are folded to [a-z0-9]+, so
// quoting them is enough for both query languages.
function textMatches(dialect: DialectName, tokens: readonly string[]): RawBuilder<unknown> {
  const prefixLast = (tokens.at(-1)?.length ?? 0) >= 2;
  const last = tokens.length - 1;
  if (dialect === 'sqlite') {
    const match = tokens.map((t, i) => (i === last && prefixLast ? `"${t}"*` : `"${t}"`)).join(' ');
    return sql`SELECT catalog_search.rowid AS k, bm25(catalog_search) AS r, e.search_facets AS f
      FROM catalog_search JOIN catalog_entries e ON e.search_rowid = catalog_search.rowid
      WHERE catalog_search MATCH ${match}`;
  }
  const indexedPrefix = prefixLast && tokens[last]!.length <= MAX_INDEXED_PREFIX;
  const words = tokens
    .filter((_, i) => !(i === last && indexedPrefix))
    .map((t, i, all) => (i === all.length - 1 && prefixLast && !indexedPrefix ? `${t}:*` : t));
  const parts: RawBuilder<unknown>[] = [];
  if (words.length > 0) parts.push(sql`to_tsquery('simple', ${words.join(' & ')})`);
  if (indexedPrefix) parts.push(sql`${`'${tokens[last]}*'`}::tsquery`);
  const query = sql.join(parts, sql` && `);
  return sql`SELECT e.id AS k, ts_rank(e.search_vector, q.query) AS r, e.search_facets AS f
    FROM catalog_search e, (SELECT ${query} AS query) q WHERE e.search_vector @@ q.query`;
}

// Theme and format filters read the same compact column as the counts, not a join per match.
function facetFilter(facet: 'theme' | 'format', value: string): RawBuilder<unknown> {
  return sql`e.search_facets LIKE ${facetPattern(facet, value)}`;
}

type Match = { k: string | number; r: number; f: string };

/** The first `count` matches in rank order (ties by key), without sorting all of a broad query's. */
function bestMatches(rows: Match[], count: number, higherIsBetter: boolean): Match[] {
  const before = (a: Match, b: Match) => (a.r !== b.r ? (higherIsBetter ? a.r > b.r : a.r < b.r) : a.k < b.k);
  if (count * 8 > rows.length)
    return rows.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, count);
  const best: Match[] = [];
  for (const row of rows) {
    if (best.length === count && !before(row, best[count - 1]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(row, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = row;
  }
  return best;
}

/** Where the search is allowed to look, beyond the caller's own filters. */
export interface SearchScope {
  /** States to show when the query names none; the published ones by default. */
  readonly states?: readonly string[];
}

/**
 * Searches the catalog: full text over the folded text (diacritics optional, the last word a prefix),
 * filtered by facets, ranked (bm25 on SQLite, ts_rank on PostgreSQL), with counts per facet value over
 * every match. Both dialects return the same result set for the same query.
 */
export async function searchEntries(
  db: Kysely<Database>,
  dialect: DialectName,
  raw: unknown,
  scope: SearchScope = {},
): Promise<SearchResult> {
  const query = parseQuery(SearchQuery, raw);
  const limit = query.limit ?? 20;
  const [offset] =
    query.cursor === undefined
      ? [0]
      : decodeCursor(query.cursor, ['integer'], 'not a cursor returned by this search');
  const tokens = searchTokens(query.q ?? '');
  const states = query.state !== undefined ? [query.state] : (scope.states ?? LISTED_STATES);

  const filters: RawBuilder<unknown>[] = [sql`e.state IN (${sql.join(states)})`];
  if (query.kind !== undefined) filters.push(sql`e.kind = ${query.kind}`);
  if (query.publisher !== undefined) filters.push(sql`e.publisher_id = ${query.publisher}`);
  if (query.classification !== undefined) filters.push(sql`e.classification = ${query.classification}`);
  if (query.theme !== undefined) filters.push(facetFilter('theme', query.theme));
  if (query.format !== undefined) filters.push(facetFilter('format', query.format.toUpperCase()));
  const filter = sql.join(filters, sql` AND `);

  // Every match is read once, with its compact facets; counts are summed here and the page's rows read.
  const counts = new Map<string, number>();
  let page: (string | number)[];
  if (tokens.length > 0) {
    const rows = (await sql<Match>`${textMatches(dialect, tokens)} AND ${filter}`.execute(db)).rows;
    for (const row of rows) counts.set(row.f, (counts.get(row.f) ?? 0) + 1);
    page = bestMatches(rows, offset + limit + 1, dialect === 'postgres')
      .slice(offset)
      .map((row) => row.k);
  } else {
    const table = dialect === 'sqlite' ? sql`catalog_entries` : sql`catalog_search`;
    const [groups, ids] = await Promise.all([
      sql<{ f: string; n: number }>`SELECT e.search_facets AS f, count(*) AS n FROM ${table} e
        WHERE ${filter} GROUP BY e.search_facets`.execute(db),
      sql<{ id: string }>`SELECT e.id FROM ${table} e WHERE ${filter}
        ORDER BY e.id DESC LIMIT ${limit + 1} OFFSET ${offset}`.execute(db),
    ]);
    for (const g of groups.rows) counts.set(g.f, Number(g.n));
    page = ids.rows.map((r) => r.id);
  }

  const facets: Facets = { kind: [], publisher: [], classification: [], theme: [], format: [] };
  const tallies = {
    kind: new Map(),
    publisher: new Map(),
    classification: new Map(),
    theme: new Map(),
    format: new Map(),
  } satisfies Record<keyof Facets, Map<string, number>>;
  const add = (facet: keyof Facets, value: string, n: number) => {
    tallies[facet].set(value, (tallies[facet].get(value) ?? 0) + n);
  };
  let total = 0;
  for (const [key, n] of counts) {
    const [kind = '', classification = '', publisher = '', ...values] = key.split(' ');
    total += n;
    add('kind', kind, n);
    add('classification', classification, n);
    add('publisher', publisher, n);
    for (const value of values) {
      if (value.startsWith('#')) add('theme', value.slice(1), n);
      else if (value.startsWith('.')) add('format', value.slice(1), n);
    }
  }
  for (const [facet, tally] of Object.entries(tallies) as [keyof Facets, Map<string, number>][]) {
    facets[facet] = [...tally].map(([value, count]) => ({ value, count }));
  }
  await labelPublishers(db, facets.publisher);
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }

  const rows = await readPage(db, dialect === 'sqlite' && tokens.length > 0, page.slice(0, limit));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      publisher: r.publisher_id,
      publisherName: r.publisher_name ?? r.publisher_id,
      classification: r.classification,
      themes: JSON.parse(r.themes) as string[],
      state: r.state,
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    })),
    total,
    facets,
    nextCursor: page.length > limit ? encodeCursor([offset + limit]) : null,
  };
}

/** Reads the rows of a page of entries, in the page's order; keys are search_rowids or ids. */
async function readPage(db: Kysely<Database>, byRowid: boolean, keys: readonly (string | number)[]) {
  if (keys.length === 0) return [];
  const column = byRowid ? sql`e.search_rowid` : sql`e.id`;
  const { rows } = await sql<{
    key: string | number;
    id: string;
    kind: 'dataset' | 'service';
    title: string;
    description: string;
    publisher_id: string;
    publisher_name: string | null;
    classification: 'open' | 'shared' | 'restricted' | 'personal';
    themes: string;
    state: 'draft' | 'published' | 'deprecated' | 'retired';
    updated_at: number;
  }>`SELECT ${column} AS key, e.id, e.kind, e.title, substr(e.description, 1, 300) AS description,
      e.publisher_id, (SELECT o.name FROM organisations o WHERE o.id = e.publisher_id) AS publisher_name,
      e.classification, e.themes, e.state, e.updated_at
    FROM catalog_entries e WHERE ${column} IN (${sql.join(keys)})`.execute(db);
  const order = new Map(keys.map((key, index) => [String(key), index]));
  return rows.sort((a, b) => order.get(String(a.key))! - order.get(String(b.key))!);
}

async function labelPublishers(db: Kysely<Database>, publishers: Facets['publisher']): Promise<void> {
  if (publishers.length === 0) return;
  const names = await organisationNamesOf(
    db,
    publishers.map((p) => p.value),
  );
  for (const publisher of publishers) {
    const name = names.get(publisher.value);
    if (name !== undefined) publisher.label = name;
  }
}
