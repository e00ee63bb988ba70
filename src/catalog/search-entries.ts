import { type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor, parseQuery } from '../core/index.js';
import { organisationNamesOf } from '../registry/index.js';
import type { Database, DialectName } from '../store/index.js';
import {
  CANDIDATES,
  type Candidate,
  columnFilter,
  type SearchFilters,
  textCandidates,
} from './search-candidates.js';
import { searchTokens } from './search-tokens.js';
import { SearchQuery, type SearchResult } from './search-schemas.js';

/** States a search shows unless it asks for one state explicitly. */
export const LISTED_STATES = ['published', 'deprecated'] as const;

type Facets = SearchResult['facets'];

/** Where the search is allowed to look, beyond the caller's own filters. */
export interface SearchScope {
  /** States to show when the query names none; the published ones by default. */
  readonly states?: readonly string[];
}

/**
 * Searches the catalog: full text over the folded text (diacritics optional, the last word a prefix),
 * filtered by facets, with the exact number of matches. Matches are ranked (bm25 on SQLite, ts_rank on
 * PostgreSQL) in blocks of `candidates` (`CANDIDATES` unless said), the most recently changed block
 * first, and facet values are counted over the first block: over every match unless more match. Both
 * dialects return the same result set for the same query.
 */
export async function searchEntries(
  db: Kysely<Database>,
  dialect: DialectName,
  raw: unknown,
  scope: SearchScope = {},
  candidates = CANDIDATES,
): Promise<SearchResult> {
  const query = parseQuery(SearchQuery, raw);
  const limit = query.limit ?? 20;
  const [offset] =
    query.cursor === undefined
      ? [0]
      : decodeCursor(query.cursor, ['integer'], 'not a cursor returned by this search');
  const tokens = searchTokens(query.q ?? '');
  const states = query.state !== undefined ? [query.state] : (scope.states ?? LISTED_STATES);

  const filters: SearchFilters = {
    states,
    kind: query.kind,
    publisher: query.publisher,
    classification: query.classification,
    theme: query.theme,
    format: query.format?.toUpperCase(),
  };

  // With words, the candidates' compact facets are counted here and the page's rows read by search_rowid;
  // without, every match's facets are counted in SQL and the page's rows read by id.
  const counts = new Map<string, number>();
  let total: number;
  let page: (string | number)[];
  if (tokens.length > 0) {
    const shown = offset + limit + 1;
    const blocks = Math.ceil(shown / candidates);
    const matches = await textCandidates(db, dialect, tokens, filters, blocks * candidates);
    total = matches.total;
    for (const row of matches.rows.slice(0, candidates)) counts.set(row.f, (counts.get(row.f) ?? 0) + 1);
    page = rankInBlocks(matches.rows, candidates, dialect === 'postgres')
      .slice(offset, shown)
      .map((row) => row.k);
  } else {
    const table = dialect === 'sqlite' ? sql`catalog_entries` : sql`catalog_search`;
    const filter = columnFilter(filters);
    const [groups, ids] = await Promise.all([
      sql<{ f: string; n: number }>`SELECT e.search_facets AS f, count(*) AS n FROM ${table} e
        WHERE ${filter} GROUP BY e.search_facets`.execute(db),
      sql<{ id: string }>`SELECT e.id FROM ${table} e WHERE ${filter}
        ORDER BY e.id DESC LIMIT ${limit + 1} OFFSET ${offset}`.execute(db),
    ]);
    for (const g of groups.rows) counts.set(g.f, Number(g.n));
    total = groups.rows.reduce((sum, g) => sum + Number(g.n), 0);
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
  let counted = 0;
  for (const [key, n] of counts) {
    const [kind = '', classification = '', publisher = '', ...values] = key.split(' ');
    counted += n;
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

  const rows = await readPage(db, tokens.length > 0, page.slice(0, limit));
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
    facetsCounted: counted,
    facets,
    nextCursor: page.length > limit ? encodeCursor([offset + limit]) : null,
  };
}

/**
 * The matches in rank order within blocks of `size` (ties by the newer), the blocks newest first: a
 * broad query's best matches among its most recently changed ones, then the next block's.
 */
function rankInBlocks(rows: readonly Candidate[], size: number, higherIsBetter: boolean): Candidate[] {
  const ranked: Candidate[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const block = rows.slice(start, start + size);
    block.sort((a, b) => (a.r !== b.r ? (higherIsBetter ? b.r - a.r : a.r - b.r) : b.k - a.k));
    ranked.push(...block);
  }
  return ranked;
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
