/**
 * Fails when an import goes against the dependency direction of ARCHITECTURE.md
 * (core ← store ← registry, identity ← catalog, steering, exchange ← api, cli ← server)
 * or reaches into another part's internals instead of its index.ts, and when production code imports
 * test code (tests, test-support folders, test/).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const PARTS_BELOW_API = ['core', 'store', 'registry', 'identity', 'exchange', 'catalog', 'steering'];

/** Which parts each part may import. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  store: ['core'],
  registry: ['core', 'store'],
  identity: ['core', 'store'],
  exchange: ['core', 'store', 'registry'],
  catalog: ['core', 'store', 'registry', 'identity'],
  steering: ['core', 'store', 'registry', 'identity', 'exchange'],
  api: PARTS_BELOW_API,
  cli: PARTS_BELOW_API,
  'server.ts': [...PARTS_BELOW_API, 'api', 'cli'],
  'main.ts': [...PARTS_BELOW_API, 'api', 'cli', 'server.ts'],
};

/**
 * Modules a part publishes beside its index.ts. A worker thread loads only what it imports: the log's
 * verify threads open SQLite through the store's opener alone, without Kysely, pg and the migrations that
 * the store's index.ts brings (a quarter of a second per thread).
 */
const EXTRA_SURFACES: Readonly<Record<string, readonly string[]>> = {
  store: ['sqlite-database.ts'],
};

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

function isPublicSurface(src: string, part: string, target: string): boolean {
  return [...(EXTRA_SURFACES[part] ?? []), 'index.ts'].some((file) => target === join(src, part, file));
}

/** Lists every import under `root/src` that breaks the dependency direction, as human-readable lines. */
export function findDependencyProblems(root: string): string[] {
  const src = join(root, 'src');
  const partOf = (file: string): string => relative(src, file).split(sep)[0]!;
  const problems: string[] = [];
  const isTestCode = (file: string): boolean =>
    file.endsWith('.test.ts') ||
    file.includes(`${sep}test-support${sep}`) ||
    file.startsWith(join(root, 'test') + sep);
  for (const file of sourceFiles(src)) {
    const from = partOf(file);
    const isTest = isTestCode(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      const where = `${relative(root, file)} imports ${specifier}`;
      // The production build (tsconfig.build.json) leaves test code out; a production import would pull it in.
      if (!isTest && isTestCode(target)) {
        problems.push(
          `${where}: production code must not import test code; move the importer into a test-support folder.`,
        );
        continue;
      }
      if (!target.startsWith(src + sep)) continue;
      const to = partOf(target);
      if (to === from) continue;
      if (!(ALLOWED[from] ?? []).includes(to)) {
        problems.push(
          `${where}: '${from}' must not depend on '${to}' (ARCHITECTURE.md, dependency direction).`,
        );
      } else if (!isTest && !to.endsWith('.ts') && !isPublicSurface(src, to, target)) {
        problems.push(
          `${where}: import '${to}' through its public surface src/${to}/index.ts, not its internals.`,
        );
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const problems = findDependencyProblems(resolve(import.meta.dirname, '..'));
  if (problems.length > 0) {
    console.error(`Dependency direction check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Dependency direction: every import points the right way.');
}
