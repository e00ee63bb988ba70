import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The console's folder, its build output and the Vite manifest the build writes. */
export const CONSOLE_DIR = resolve(import.meta.dirname, '..');
export const DIST_DIR = join(CONSOLE_DIR, 'dist');
const MANIFEST = join(DIST_DIR, '.vite', 'manifest.json');

/** The initial JS (entry and its static imports) must stay under this, gzip. */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether console/dist is missing or older than any console source, config or the lockfile. */
export function consoleBuildIsStale(): boolean {
  if (!existsSync(MANIFEST) || !existsSync(join(DIST_DIR, 'index.html'))) return true;
  const built = statSync(MANIFEST).mtimeMs;
  const inputs = [
    join(CONSOLE_DIR, 'src'),
    join(CONSOLE_DIR, 'index.html'),
    join(CONSOLE_DIR, 'vite.config.ts'),
    resolve(CONSOLE_DIR, '..', 'package-lock.json'),
  ].filter((p) => existsSync(p));
  return inputs.some((input) => newestMtime(input) > built);
}

/** Builds the console with Vite into console/dist. */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(CONSOLE_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

/** One file of the initial load and its sizes. */
export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The JS loaded before the first screen: the entry chunk and its static imports, from the manifest. */
export function initialChunks(): ChunkSize[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].map((key) => {
    const content = readFileSync(join(DIST_DIR, manifest[key]!.file));
    return {
      file: manifest[key]!.file,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the initial chunks' sizes; returns false when over the budget. */
export function reportInitialSize(): boolean {
  const chunks = initialChunks();
  const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  for (const c of chunks) console.log(`  ${c.file}  ${kb(c.bytes)}  gzip ${kb(c.gzipBytes)}`);
  const ok = total <= INITIAL_JS_BUDGET_BYTES;
  console.log(
    `console: initial JS ${kb(total)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)}) ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
  return ok;
}
