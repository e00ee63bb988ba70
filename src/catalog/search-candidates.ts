import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, DialectName } from '../store/index.js';
import { filterToken, stateCondition } from './search-filter-tokens.js';
import { facetPattern, MAX_INDEXED_PREFIX } from './search-index.js';

/**
 * How many matches a text search ranks at a time, and counts facets over: the most recently changed
 * ones (highest `search_rowid`) first. Ranking a bounded set keeps a broad query's cost to one index walk
 * that stops early, with bm25 or ts_rank computed on these matches only.
 */
export const CANDIDATES = 500;

/** A match: its `search_rowid` (k), its text rank (r) and its compact facets (f). */
export type Candidate = { readonly k: number; readonly r: number; readonly f: string };

/** The filters of a search, beyond its words. */
export interface SearchFilters {
  readonly states: readonly string[];
  readonly kind?: string | undefined;
  readonly publisher?: string | undefined;
  readonly classification?: string | undefined;
  readonly theme?: string | undefined;
  readonly format?: string | undefined;
}

/** The most recent matches, newest first, and how many match in all. */
export interface Candidates {
  readonly rows: readonly Candidate[];
  readonly total: number;
}

/**
 * The first `count` matches of the words and filters in `search_rowid` order, newest first, with their
 * rank and facets, and the exact number of matches. Tokens are folded to [a-z0-9]+, so quoting them is
 * enough for both query languages.
 * - SQLite: one FTS5 MATCH holds the words (column `body`) and the filter tokens (column `filters`), so
 *   the index walk filters, stops after `count` rows and reads the facets from the same table; bm25 is
 *   computed on the candidates' rowid range only (lower is better). The count, when more match, walks
 *   the doclists alone.
 * - PostgreSQL: one GIN bitmap scan over the narrow `catalog_search` rows gives the matches' keys,
 *   filtered on their columns; the newest `count` are ranked by ts_rank (higher is better) and all are
 *   counted. A short last-word prefix is the indexed `pre*` lexeme, so it needs no partial GIN scan.
 */
export async function textCandidates(
  db: Kysely<Database>,
  dialect: DialectName,
  tokens: readonly string[],
  filters: SearchFilters,
  count: number,
): Promise<Candidates> {
  if (dialect === 'postgres') {
    const { rows } = await sql<Candidate & { total: string }>`WITH q AS (SELECT ${tsQuery(tokens)} AS query),
      m AS MATERIALIZED (SELECT e.id, e.search_rowid AS k, e.search_facets AS f FROM catalog_search e, q
        WHERE e.search_vector @@ q.query AND ${columnFilter(filters)}),
      c AS (SELECT * FROM m ORDER BY k DESC LIMIT ${count})
      SELECT c.k, c.f, ts_rank(s.search_vector, q.query) AS r, (SELECT count(*) FROM m) AS total
      FROM c JOIN catalog_search s ON s.id = c.id, q ORDER BY c.k DESC`.execute(db);
    return {
      rows: rows.map((row) => ({ k: Number(row.k), r: row.r, f: row.f })),
      total: Number(rows[0]?.total ?? 0),
    };
  }
  // The walk reads no rank: bm25 scans the whole doclist of every phrase of its MATCH for the IDF, which
  // for a filter token (every open entry, every dataset) costs more than the walk itself. The words'
  // rank is read in a second pass over the candidates' rowid range, with the words alone.
  const words = ftsWords(tokens);
  const match = ftsMatch(words, filters);
  const walked = await sql<{ k: number; f: string }>`SELECT rowid AS k, facets AS f FROM catalog_search
    WHERE catalog_search MATCH ${match} ORDER BY rowid DESC LIMIT ${count}`.execute(db);
  if (walked.rows.length === 0) return { rows: [], total: 0 };
  const ranks = await sql<{ k: number; r: number }>`SELECT rowid AS k, bm25(catalog_search) AS r
    FROM catalog_search WHERE catalog_search MATCH ${`{body}: (${words})`}
      AND rowid BETWEEN ${walked.rows.at(-1)!.k} AND ${walked.rows[0]!.k}`.execute(db);
  const rankOf = new Map(ranks.rows.map((row) => [row.k, row.r]));
  const rows = walked.rows.map((row) => ({ ...row, r: rankOf.get(row.k)! }));
  if (rows.length < count) return { rows, total: rows.length };
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM catalog_search
    WHERE catalog_search MATCH ${match}`.execute(db);
  return { rows, total: Number(counted.rows[0]!.n) };
}

/**
 * The filters as conditions on the columns of `catalog_entries` or PostgreSQL's `catalog_search` (as
 * `e`); a theme or format is a `LIKE` on the compact facets, not a join per match.
 */
export function columnFilter(filters: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`e.state IN (${sql.join(filters.states)})`];
  if (filters.kind !== undefined) parts.push(sql`e.kind = ${filters.kind}`);
  if (filters.publisher !== undefined) parts.push(sql`e.publisher_id = ${filters.publisher}`);
  if (filters.classification !== undefined) parts.push(sql`e.classification = ${filters.classification}`);
  if (filters.theme !== undefined)
    parts.push(sql`e.search_facets LIKE ${facetPattern('theme', filters.theme)}`);
  if (filters.format !== undefined)
    parts.push(sql`e.search_facets LIKE ${facetPattern('format', filters.format)}`);
  return sql.join(parts, sql` AND `);
}

/** SQLite's FTS5 query of the words: all of them, the last one a prefix. */
function ftsWords(tokens: readonly string[]): string {
  const prefixLast = (tokens.at(-1)?.length ?? 0) >= 2;
  const last = tokens.length - 1;
  return tokens.map((t, i) => (i === last && prefixLast ? `"${t}"*` : `"${t}"`)).join(' ');
}

/** SQLite's FTS5 query of the words in `body` and the filter tokens in `filters`. */
function ftsMatch(words: string, filters: SearchFilters): string {
  const states = stateCondition(filters.states);
  const wanted = [
    states.all,
    filters.kind === undefined ? undefined : filterToken('kind', filters.kind),
    filters.publisher === undefined ? undefined : filterToken('publisher', filters.publisher),
    filters.classification === undefined ? undefined : filterToken('classification', filters.classification),
    filters.theme === undefined ? undefined : filterToken('theme', filters.theme),
    filters.format === undefined ? undefined : filterToken('format', filters.format),
  ].filter((token) => token !== undefined);
  let match = `{body}: (${words})`;
  if (wanted.length > 0) match += ` AND {filters}: (${wanted.join(' ')})`;
  return states.none === undefined ? match : `(${match}) NOT {filters}: (${states.none})`;
}

/** PostgreSQL's tsquery of the words: all of them, the last one a prefix. */
function tsQuery(tokens: readonly string[]): RawBuilder<unknown> {
  const prefixLast = (tokens.at(-1)?.length ?? 0) >= 2;
  const last = tokens.length - 1;
  const indexedPrefix = prefixLast && tokens[last]!.length <= MAX_INDEXED_PREFIX;
  const words = tokens
    .filter((_, i) => !(i === last && indexedPrefix))
    .map((t, i, all) => (i === all.length - 1 && prefixLast && !indexedPrefix ? `${t}:*` : t));
  const parts: RawBuilder<unknown>[] = [];
  if (words.length > 0) parts.push(sql`to_tsquery('simple', ${words.join(' & ')})`);
  if (indexedPrefix) parts.push(sql`${`'${tokens[last]}*'`}::tsquery`);
  return sql.join(parts, sql` && `);
}
