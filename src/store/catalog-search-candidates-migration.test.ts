import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/support/dialects.js';
import { createStore, type Store } from './index.js';
import { MIGRATIONS } from './migrations/index.js';

const BEFORE = '2026-12-04-8-sample-traffic';
const AT = Date.UTC(2026, 10, 26, 9, 30);
const STP = 'VN-HP/GOV/STP';

/** An entry as the catalog wrote it before the candidates' search order: [id, updated_at, class, text]. */
const ENTRIES: readonly [string, number, 'open' | 'shared', string][] = [
  ['entry-a', AT + 2, 'open', 'co so du lieu ho tich'],
  ['entry-b', AT + 1, 'shared', 'dang ky khai sinh'],
];

/** The compact facets of an entry of STP with theme JUST. */
const facetsOf = (classification: string) => `dataset ${classification} ${STP} #JUST .CSV `;

const hex = (mark: string, value: string) => `${mark}${Buffer.from(value, 'utf8').toString('hex')}`;

for (const dialect of DIALECTS) {
  describe(`the catalog-search-candidates migration on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('rebuilds the search index of existing entries in the order of their last change', async () => {
      store = createStore(await createTestDatabase(dialect));
      const migrator = new Migrator({
        db: store.db,
        provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      });
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      // 1. The tables as they were: SQLite's rowids in creation order, PostgreSQL's rows without one.
      const db = store.db;
      await db
        .insertInto('organisations')
        .values({
          id: STP,
          instance: 'VN-HP',
          member_class: 'GOV',
          code: 'STP',
          name: 'Sở Tư pháp',
          created_at: AT,
          updated_at: AT,
        })
        .execute();
      for (const [index, [id, updatedAt, classification, text]] of ENTRIES.entries()) {
        const facets = facetsOf(classification);
        await db
          .insertInto('catalog_entries')
          .values({
            id,
            kind: 'dataset',
            publisher_id: STP,
            title: text,
            description: '',
            focal_officer: '{}',
            themes: '["JUST"]',
            keywords: '[]',
            classification,
            distributions: '[]',
            state: 'published',
            revision: 2,
            search_text: text,
            search_rowid: dialect === 'sqlite' ? index + 1 : null,
            search_facets: facets,
            created_at: AT,
            updated_at: updatedAt,
            sample: 0,
          })
          .execute();
        if (dialect === 'sqlite') {
          await sql`INSERT INTO catalog_search (rowid, body) VALUES (${index + 1}, ${text})`.execute(db);
        } else {
          await sql`INSERT INTO catalog_search (id, state, kind, classification, publisher_id, search_facets, search_vector)
            VALUES (${id}, 'published', 'dataset', ${classification}, ${STP}, ${facets}, to_tsvector('simple', ${text}))`.execute(
            db,
          );
        }
      }

      // 2. Migrated: the most recently changed entry comes last in rowid order, so first as a candidate.
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const order = await db
        .selectFrom('catalog_entries')
        .select(['id', 'search_rowid'])
        .orderBy('search_rowid')
        .execute();
      expect(order.map((r) => [r.id, Number(r.search_rowid)])).toEqual([
        ['entry-b', 1],
        ['entry-a', 2],
      ]);

      // 3. The index holds the words, the filters and the facets of every entry.
      if (dialect === 'sqlite') {
        const { rows } = await sql<{
          k: number;
          f: string;
        }>`SELECT rowid AS k, facets AS f FROM catalog_search
          WHERE catalog_search MATCH ${`{body}: ("khai") AND {filters}: (${hex('t', 'JUST')} ${hex('p', STP)})`}`.execute(
          db,
        );
        expect(rows).toEqual([{ k: 1, f: facetsOf('shared') }]);
        const open = await sql<{ k: number }>`SELECT rowid AS k FROM catalog_search
          WHERE catalog_search MATCH ${`{filters}: (${hex('c', 'open')} ${hex('s', 'published')})`}`.execute(
          db,
        );
        expect(open.rows).toEqual([{ k: 2 }]);
      } else {
        const { rows } = await sql<{ id: string; k: string }>`SELECT id, search_rowid AS k FROM catalog_search
          ORDER BY search_rowid`.execute(db);
        expect(rows.map((r) => [r.id, Number(r.k)])).toEqual([
          ['entry-b', 1],
          ['entry-a', 2],
        ]);
        const next = await sql<{ n: string }>`SELECT nextval('catalog_search_rowid') AS n`.execute(db);
        expect(Number(next.rows[0]!.n)).toBe(3);
      }
    });
  });
}
