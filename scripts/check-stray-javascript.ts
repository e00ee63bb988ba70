/**
 * Fails when compiled JavaScript sits beside the TypeScript sources: a `x.js` next to `x.ts` is what a
 * misconfigured `tsc` leaves behind, and Vite resolves it before the source, so tests would run stale code.
 * The build writes to dist/ only (tsconfig.build.json); the one deliberate plain-JS file, bin/cang.js,
 * has no source beside it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The folders holding TypeScript sources, relative to the repository root. */
const SOURCE_FOLDERS = ['src', 'test', 'bench', 'scripts', 'console/src', 'console/scripts'];

/** Folders that hold installed or built code, never sources. */
const SKIPPED = new Set(['node_modules', 'dist']);

const COMPILED = /\.js(\.map)?$/;

function* compiledFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) yield* compiledFiles(join(dir, entry.name));
    } else if (COMPILED.test(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

/** Lists every `.js` (or `.js.map`) under the source folders of `root` that has a `.ts` or `.tsx` source beside it. */
export function findStrayJavaScript(root: string): string[] {
  const stray: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const file of compiledFiles(dir)) {
      const stem = file.replace(COMPILED, '');
      if (existsSync(`${stem}.ts`) || existsSync(`${stem}.tsx`)) stray.push(relative(root, file));
    }
  }
  return stray.sort();
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const stray = findStrayJavaScript(resolve(import.meta.dirname, '..'));
  if (stray.length > 0) {
    console.error(
      `Compiled JavaScript beside the sources (delete it; the build writes to dist/ only):\n${stray
        .map((file) => `  - ${file}`)
        .join('\n')}`,
    );
    process.exit(1);
  }
  console.log('No compiled JavaScript beside the sources.');
}
