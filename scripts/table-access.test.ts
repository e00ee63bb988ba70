import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableOwners, tablesUsedIn } from './table-access.js';

const KNOWN = new Set(['organisations', 'systems', 'services', 'catalog_entries', 'log_entries']);
const tablesIn = (text: string) => tablesUsedIn('file.ts', text, KNOWN).map((use) => use.table);

describe('table access', () => {
  it('reads each table’s owner from the store’s schema files', () => {
    const owners = readTableOwners(resolve(import.meta.dirname, '../src/store/schema'));
    expect(owners.get('organisations')).toBe('registry');
    expect(owners.get('users')).toBe('identity');
    expect(owners.get('log_entries')).toBe('exchange');
    expect(owners.get('sharing_requests')).toBe('catalog');
    expect(owners.get('steering_indicator_values')).toBe('steering');
    expect(owners.get('audit_events')).toBe('store');
    expect(owners.get('meta')).toBe('shared');
  });

  it('ignores files that are not a part’s tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cang-tables-'));
    try {
      writeFileSync(join(dir, 'notes.ts'), 'export interface NotesTables {\n  notes: NoteTable;\n}\n');
      writeFileSync(
        join(dir, 'exchange-tables.ts'),
        'export interface ExchangeTables {\n  log_entries: L;\n}\n',
      );
      expect(readTableOwners(dir)).toEqual(new Map([['log_entries', 'exchange']]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds tables in Kysely’s table methods, with aliases, lists and line breaks', () => {
    expect(
      tablesIn(`db.selectFrom('organisations as o')
        .innerJoin(
          'systems as s', 's.organisation_id', 'o.id')
        .leftJoin("services", 'services.system_id', 's.id');
      db.selectFrom(['catalog_entries', 'log_entries']);
      db.deleteFrom('systems').using('organisations');`),
    ).toEqual([
      'organisations',
      'systems',
      'services',
      'catalog_entries',
      'log_entries',
      'systems',
      'organisations',
    ]);
  });

  it('finds tables in raw SQL: sql templates, a template that is only a table, sql.table and driver text', () => {
    expect(
      tablesIn(
        [
          `sql\`SELECT (SELECT o.name FROM organisations o) FROM catalog_entries e JOIN systems s ON \${x}\`;`,
          `sql<number>\`UPDATE services SET enabled = \${1}\`;`,
          'const table = sql`log_entries`;',
          "sql.table('organisations');",
          "db.prepare('INSERT INTO log_entries (id) VALUES (?)');",
        ].join('\n'),
      ),
    ).toEqual([
      'organisations',
      'catalog_entries',
      'systems',
      'services',
      'log_entries',
      'organisations',
      'log_entries',
    ]);
  });

  it('ignores unknown tables, CTE names, column references, comments and plain strings', () => {
    expect(
      tablesIn(`// db.selectFrom('organisations')
        db.with('organisations_cte', (q) => q).selectFrom('organisations_cte');
        db.selectFrom('catalog_entries').where('organisations.id', '=', 'x');
        const label = 'from organisations';
        sql\`extract(epoch from now())\`;`),
    ).toEqual(['catalog_entries']);
  });

  it('marks a table method given a variable, and reads a subquery through its own calls', () => {
    expect(
      tablesUsedIn(
        'f.ts',
        "db.selectFrom(table);\ndb.innerJoin((eb) => eb.selectFrom('systems').as('s'), 's.id', 'x');",
        KNOWN,
      ),
    ).toEqual([
      { table: undefined, line: 1 },
      { table: 'systems', line: 2 },
    ]);
  });

  it('gives the line of each use', () => {
    expect(tablesUsedIn('f.ts', "\n\ndb.selectFrom('systems');", KNOWN)).toEqual([
      { table: 'systems', line: 3 },
    ]);
  });
});
