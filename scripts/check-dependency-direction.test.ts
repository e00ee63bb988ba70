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
