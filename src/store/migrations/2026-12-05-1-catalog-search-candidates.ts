import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The catalog search ranks a bounded set of candidates, the most recently changed matches, so a broad
// query costs one index walk that stops early instead of reading and ranking every match:
// - `search_rowid` becomes every indexed entry's place in the search order on both databases, renumbered
//   here by last change (then id) and taken anew by each later change;
// - SQLite: the FTS5 table `catalog_search` is rebuilt with the filter tokens in an indexed column
//   `filters` (so filters are part of the MATCH) and the compact facets in an UNINDEXED column `facets`
//   (so the candidates' facets are read from the FTS table, not from a join per match);
// - PostgreSQL: `catalog_search` gains `search_rowid`, and a sequence hands out new ones.

const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const indexed = postgres ? sql`id IN (SELECT id FROM catalog_search)` : sql`search_rowid IS NOT NULL`;
  // Through negative numbers, as a one-step renumbering could meet a number another row still holds.
  await sql`UPDATE catalog_entries SET search_rowid = -o.n FROM (SELECT id,
      row_number() OVER (ORDER BY updated_at, id) AS n FROM catalog_entries WHERE ${indexed}) o
    WHERE o.id = catalog_entries.id`.execute(db);
  await sql`UPDATE catalog_entries SET search_rowid = -search_rowid WHERE search_rowid < 0`.execute(db);

  if (postgres) {
    await sql`ALTER TABLE catalog_search ADD COLUMN search_rowid bigint`.execute(db);
    await sql`UPDATE catalog_search s SET search_rowid = e.search_rowid
      FROM catalog_entries e WHERE e.id = s.id`.execute(db);
    await sql`ALTER TABLE catalog_search ALTER COLUMN search_rowid SET NOT NULL`.execute(db);
    await sql`CREATE SEQUENCE catalog_search_rowid`.execute(db);
    await sql`SELECT setval('catalog_search_rowid', (SELECT coalesce(max(search_rowid), 0) + 1
      FROM catalog_entries), false)`.execute(db);
    return;
  }

  await sql`DROP TABLE catalog_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE catalog_search USING fts5(
    body, filters, facets UNINDEXED, content='', contentless_delete=1, contentless_unindexed=1,
    tokenize='unicode61', prefix='2 3')`.execute(db);
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('catalog_entries')
      .select(['search_rowid', 'search_text', 'state', 'search_facets'])
      .where('search_rowid', '>', after)
      .orderBy('search_rowid')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const values = rows.map(
      (r) =>
        sql`(${r.search_rowid}, ${r.search_text}, ${filterTokensOf(r.state, r.search_facets)}, ${r.search_facets})`,
    );
    await sql`INSERT INTO catalog_search (rowid, body, filters, facets) VALUES ${sql.join(values)}`.execute(
      db,
    );
    after = Number(rows.at(-1)!.search_rowid);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP SEQUENCE catalog_search_rowid`.execute(db);
    await sql`ALTER TABLE catalog_search DROP COLUMN search_rowid`.execute(db);
    await sql`UPDATE catalog_entries SET search_rowid = NULL`.execute(db);
    return;
  }
  await sql`DROP TABLE catalog_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE catalog_search USING fts5(
    body, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`.execute(db);
  await sql`INSERT INTO catalog_search (rowid, body)
    SELECT search_rowid, search_text FROM catalog_entries WHERE search_rowid IS NOT NULL`.execute(db);
}

// As the catalog's filter tokens of this release: a mark letter and the hex of the value's UTF-8 bytes,
// for the state, kind, classification, publisher, themes (#) and formats (.) of `search_facets`.
function filterTokensOf(state: string, searchFacets: string): string {
  const token = (mark: string, value: string) => `${mark}${Buffer.from(value, 'utf8').toString('hex')}`;
  const [kind = '', classification = '', publisher = '', ...values] = searchFacets.trim().split(' ');
  return [
    token('s', state),
    token('k', kind),
    token('c', classification),
    token('p', publisher),
    ...values.map((v) => token(v.startsWith('#') ? 't' : 'f', v.slice(1))),
  ].join(' ');
}
