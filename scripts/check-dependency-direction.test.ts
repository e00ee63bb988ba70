import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDependencyProblems } from './check-dependency-direction.js';

describe('dependency direction check', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function tree(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), 'cang-deps-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('passes on the project itself', () => {
    expect(findDependencyProblems(resolve(import.meta.dirname, '..'))).toEqual([]);
  });

  it('names an import from core into store with a human message', () => {
    const problems = findDependencyProblems(
      tree({
        'src/core/index.ts': "import { x } from '../store/index.js';\n",
        'src/store/index.ts': 'export const x = 1;\n',
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("'core' must not depend on 'store'");
  });

  it('follows the parts table of ARCHITECTURE.md: catalog not on identity, steering on exchange but not registry', () => {
    const problems = findDependencyProblems(
      tree({
        'src/catalog/entry-checks.ts': "import { a } from '../identity/index.js';\n",
        'src/steering/document-schemas.ts': "import { b } from '../registry/index.js';\n",
        'src/steering/measure-indicators.ts': "import { c } from '../exchange/index.js';\n",
        'src/identity/index.ts': 'export const a = 1;\n',
        'src/registry/index.ts': 'export const b = 1;\n',
        'src/exchange/index.ts': 'export const c = 1;\n',
      }),
    );
    expect(problems.sort()).toEqual([
      expect.stringContaining("'catalog' must not depend on 'identity'"),
      expect.stringContaining("'steering' must not depend on 'registry'"),
    ]);
  });

  it('refuses a reach into another part’s internals', () => {
    const problems = findDependencyProblems(
      tree({
        'src/registry/index.ts': "import { y } from '../store/create-store.js';\n",
        'src/store/create-store.ts': 'export const y = 1;\n',
      }),
    );
    expect(problems[0]).toContain('through its public surface src/store/index.ts');
  });

  it('lets a part import a module the other part publishes beside its index.ts', () => {
    const problems = findDependencyProblems(
      tree({
        'src/exchange/log/verify-thread.ts': "import { open } from '../../store/sqlite-database.js';\n",
        'src/store/sqlite-database.ts': 'export const open = 1;\n',
      }),
    );
    expect(problems).toEqual([]);
  });

  const SCHEMA = {
    'src/store/schema/registry-tables.ts':
      'export interface RegistryTables {\n  organisations: OrganisationTable;\n  systems: SystemTable;\n}\n',
    'src/store/schema/catalog-tables.ts':
      'export interface CatalogTables {\n  catalog_entries: EntryTable;\n}\n',
    'src/store/schema/shared-tables.ts': 'export interface SharedTables {\n  meta: MetaTable;\n}\n',
  };

  it('refuses a part reading or joining another part’s tables, naming the file, line, table and owner', () => {
    const problems = findDependencyProblems(
      tree({
        ...SCHEMA,
        'src/catalog/entry-view.ts': [
          "export const a = (db) => db.selectFrom('catalog_entries as e')",
          "  .leftJoin('organisations as o', 'o.id', 'e.publisher_id');",
          "export const b = (db) => db.updateTable('systems');",
          `export const c = sql\`SELECT name FROM organisations WHERE id = \${1}\`;`,
        ].join('\n'),
      }),
      [],
    );
    expect(problems).toEqual([
      expect.stringContaining("src/catalog/entry-view.ts:2 uses the table 'organisations' of 'registry'"),
      expect.stringContaining("src/catalog/entry-view.ts:3 uses the table 'systems' of 'registry'"),
      expect.stringContaining("src/catalog/entry-view.ts:4 uses the table 'organisations' of 'registry'"),
    ]);
    expect(problems[0]).toContain('call a function of src/registry/index.ts instead');
  });

  it('refuses production code naming a table through a variable', () => {
    const problems = findDependencyProblems(
      tree({ ...SCHEMA, 'src/catalog/rows.ts': 'export const a = (db, table) => db.selectFrom(table);\n' }),
      [],
    );
    expect(problems).toEqual([
      expect.stringContaining('src/catalog/rows.ts:1 names a table through a variable: name it literally'),
    ]);
  });

  it('lets a part use its own and the shared tables, and test code use any table', () => {
    const problems = findDependencyProblems(
      tree({
        ...SCHEMA,
        'src/registry/organisation-rows.ts': "export const a = (db) => db.selectFrom('organisations');\n",
        'src/catalog/entry-rows.ts':
          "export const a = (db) => db.selectFrom('catalog_entries').insertInto('meta');\n",
        'src/catalog/entry-rows.test.ts': "const a = (db) => db.selectFrom('organisations');\n",
        'src/catalog/test-support/fixtures.ts':
          "export const a = (db, table) => db.deleteFrom('systems').selectFrom(table);\n",
      }),
      [],
    );
    expect(problems).toEqual([]);
  });

  it('admits a listed exception, and names an exception that is no longer needed', () => {
    const files = {
      ...SCHEMA,
      'src/catalog/figures/catalog-figures.ts': "export const a = (db) => db.selectFrom('organisations');\n",
    };
    const exceptions = [
      { part: 'catalog', file: 'catalog-figures.ts', tables: ['organisations'] },
      { part: 'catalog', file: 'open-data.ts', tables: ['organisations'] },
    ];
    expect(findDependencyProblems(tree(files), exceptions)).toEqual([
      expect.stringContaining("the table exception for catalog's open-data.ts is no longer needed"),
    ]);
  });

  it('refuses a console import of server code, and lets it import its own files and npm packages, and its tests the server rules they keep equal', () => {
    const problems = findDependencyProblems(
      tree({
        'console/src/api/catalog.ts': [
          "import { useState } from 'react';",
          "import { api } from './client';",
          "import type { EntryView } from '../../../src/catalog/index.js';",
          "import '../styles.css';",
        ].join('\n'),
        'console/src/screens/home.tsx': "import { foldText } from '/../src/core/index.js';\n",
        'console/vite.config.ts': "import { defineConfig } from 'vite';\n",
        // A test keeping the console's copy of a rule equal to the server's may import the server's.
        'console/src/lib/fold.test.ts': "import { foldText } from '../../../src/core/index.js';\n",
        'src/core/index.ts': 'export const foldText = 1;\n',
      }),
    );
    expect(problems.sort()).toEqual([
      expect.stringContaining(
        'console/src/api/catalog.ts imports ../../../src/catalog/index.js: the console imports only',
      ),
      expect.stringContaining(
        'console/src/screens/home.tsx imports /../src/core/index.js: the console imports only',
      ),
    ]);
  });

  it('refuses production code importing test helpers, and lets test-support import them', () => {
    const problems = findDependencyProblems(
      tree({
        'src/api/routes/catalog-harness.ts': "import { s } from '../../../test/support/dialects.js';\n",
        'src/api/routes/list.ts': "import { h } from '../test-support/api-harness.js';\n",
        'src/api/test-support/api-harness.ts': "import { s } from '../../../test/support/dialects.js';\n",
        'test/support/dialects.ts': 'export const s = 1;\n',
      }),
    );
    expect(problems.sort()).toEqual([
      expect.stringContaining(
        'src/api/routes/catalog-harness.ts imports ../../../test/support/dialects.js: production code must not import test code',
      ),
      expect.stringContaining(
        'src/api/routes/list.ts imports ../test-support/api-harness.js: production code must not import test code',
      ),
    ]);
  });
});
