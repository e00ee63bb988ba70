import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findStrayJavaScript } from './check-stray-javascript.js';

describe('stray JavaScript check', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function tree(files: readonly string[]): string {
    root = mkdtempSync(join(tmpdir(), 'cang-stray-js-'));
    for (const path of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    return root;
  }

  it('passes on the project itself', () => {
    expect(findStrayJavaScript(resolve(import.meta.dirname, '..'))).toEqual([]);
  });

  it('names compiled files beside their TypeScript sources', () => {
    const stray = findStrayJavaScript(
      tree([
        'test/support/dialects.ts',
        'test/support/dialects.js',
        'console/src/app.tsx',
        'console/src/app.js',
        'src/core/ids.ts',
        'src/core/ids.js.map',
      ]),
    );
    expect(stray).toEqual(['console/src/app.js', 'src/core/ids.js.map', 'test/support/dialects.js']);
  });

  it('leaves the launcher, dist/, node_modules/ and JavaScript without a source alone', () => {
    const stray = findStrayJavaScript(
      tree([
        'bin/cang.js',
        'src/main.ts',
        'src/dist/main.ts',
        'src/dist/main.js',
        'scripts/node_modules/x/index.ts',
        'scripts/node_modules/x/index.js',
        'bench/fixtures/plain.js',
      ]),
    );
    expect(stray).toEqual([]);
  });
});
