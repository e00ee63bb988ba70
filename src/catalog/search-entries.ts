import { type Kysely, type RawBuilder, sql } from 'kysely';
import { CangError } from '../core/index.js';
import type { Database, DialectName } from '../store/index.js';
import { searchTokens } from './fold-text.js';
import { SearchQuery, type SearchResult } from './search-schemas.js';
import { parseQuery } from './validate-input.js';

/** States a search shows unless it asks for one state explicitly. */
export const LISTED_STATES = ['published', 'deprecated'] as const;

type Facets = SearchResult['facets'];

// The text condition. SQLite: the entry's FTS5 row matches; PostgreSQL: its tsvector matches.
// Tokens are folded to [a-z0-9]+, so quoting them is enough for both query languages.
function textSource(dialect: DialectName, tokens: readonly string[]): RawBuilder<unknown> {
  const prefixLast = (tokens.at(-1)?.length ?? 0) >= 2;
  if (dialect === 'sqlite') {
    const match = tokens
      .map((token, index) => (index === tokens.length - 1 && prefixLast ? `"${token}"*` : `"${token}"`))
      .join(' ');
    return sql`catalog_search JOIN catalog_entries e ON e.search_rowid = catalog_search.rowid
      WHERE catalog_search MATCH ${match}`;
  }
  const tsquery = tokens
    .map((token, index) => (index === tokens.length - 1 && prefixLast ? `${token}:*` : token))
    .join(' & ');
  return sql`catalog_entries e WHERE e.search_vector @@ to_tsquery('simple', ${tsquery})`;
}

function rankOrder(dialect: DialectName, tokens: readonly string[]): RawBuilder<unknown> {
  if (tokens.length === 0) return sql`e.id DESC`;
  if (dialect === 'sqlite') return sql`bm25(catalog_search), e.id`;
  // ts_rank over the same query text; the planner evaluates it only for matching rows.
  const prefixLast = (tokens.at(-1)?.length ?? 0) >= 2;
  const tsquery = tokens.map((t, i) => (i === tokens.length - 1 && prefixLast ? `${t}:*` : t)).join(' & ');
  return sql`ts_rank(e.search_vector, to_tsquery('simple', ${tsquery})) DESC, e.id`;
}

function facetFilter(facet: 'theme' | 'format', value: string): RawBuilder<unknown> {
  return sql`e.id IN (SELECT entry_id FROM catalog_entry_facets WHERE facet = ${facet} AND value = ${value})`;
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) {
    throw new CangError('validation-failed', 'Invalid cursor', {
      errors: [{ pointer: '/cursor', detail: 'not a cursor returned by this search' }],
    });
  }
  return Number(match[1]);
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
  const offset = decodeOffset(query.cursor);
  const tokens = searchTokens(query.q ?? '');
  const states = query.state !== undefined ? [query.state] : (scope.states ?? LISTED_STATES);

  const filters: RawBuilder<unknown>[] = [sql`e.state IN (${sql.join(states)})`];
  if (query.kind !== undefined) filters.push(sql`e.kind = ${query.kind}`);
  if (query.publisher !== undefined) filters.push(sql`e.publisher_id = ${query.publisher}`);
  if (query.classification !== undefined) filters.push(sql`e.classification = ${query.classification}`);
  if (query.theme !== undefined) filters.push(facetFilter('theme', query.theme));
  if (query.format !== undefined) filters.push(facetFilter('format', query.format.toUpperCase()));
  const source = tokens.length > 0 ? textSource(dialect, tokens) : sql`catalog_entries e WHERE 1 = 1`;
  const where = sql`${source} AND ${sql.join(filters, sql` AND `)}`;

  const [items, groups, multi] = await Promise.all([
    sql<{
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
    }>`SELECT e.id, e.kind, e.title, substr(e.description, 1, 300) AS description, e.publisher_id,
        (SELECT o.name FROM organisations o WHERE o.id = e.publisher_id) AS publisher_name,
        e.classification, e.themes, e.state, e.updated_at
      FROM ${where} ORDER BY ${rankOrder(dialect, tokens)} LIMIT ${limit + 1} OFFSET ${offset}`.execute(db),
    sql<{ kind: string; classification: string; publisher_id: string; n: number }>`
      SELECT e.kind, e.classification, e.publisher_id, count(*) AS n FROM ${where}
      GROUP BY e.kind, e.classification, e.publisher_id`.execute(db),
    sql<{ facet: 'theme' | 'format'; value: string; n: number }>`
      SELECT f.facet, f.value, count(*) AS n FROM catalog_entry_facets f
      WHERE f.entry_id IN (SELECT e.id FROM ${where}) GROUP BY f.facet, f.value`.execute(db),
  ]);

  const facets: Facets = { kind: [], publisher: [], classification: [], theme: [], format: [] };
  const add = (facet: keyof Facets, value: string, n: number) => {
    const found = facets[facet].find((f) => f.value === value);
    if (found === undefined) facets[facet].push({ value, count: n });
    else found.count += n;
  };
  let total = 0;
  for (const g of groups.rows) {
    const n = Number(g.n);
    total += n;
    add('kind', g.kind, n);
    add('classification', g.classification, n);
    add('publisher', g.publisher_id, n);
  }
  for (const m of multi.rows) add(m.facet, m.value, Number(m.n));
  await labelPublishers(db, facets.publisher);
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }

  const rows = items.rows.slice(0, limit);
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
    nextCursor: items.rows.length > limit ? encodeOffset(offset + limit) : null,
  };
}

async function labelPublishers(db: Kysely<Database>, publishers: Facets['publisher']): Promise<void> {
  if (publishers.length === 0) return;
  const names = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      publishers.map((p) => p.value),
    )
    .execute();
  for (const publisher of publishers) {
    const name = names.find((n) => n.id === publisher.value)?.name;
    if (name !== undefined) publisher.label = name;
  }
}
