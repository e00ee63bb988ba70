/**
 * Fails when an import goes against the dependency direction of ARCHITECTURE.md
 * (core ← store ← registry, identity ← catalog, steering, exchange ← sample ← api, cli ← server)
 * or reaches into another part's internals instead of its index.ts, when production code imports
 * test code (tests, test-support folders, test/), when a part reads or writes another part's tables
 * (owners from src/store/schema/{part}-tables.ts), and when the console imports anything outside console/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { readTableOwners, SHARED, tablesUsedIn } from './table-access.js';

const PARTS_BELOW_API = ['core', 'store', 'registry', 'identity', 'exchange', 'catalog', 'steering'];

/** Which parts each part may import: the "talks to" column of ARCHITECTURE.md's table of parts. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  store: ['core'],
  registry: ['core', 'store'],
  identity: ['core', 'store'],
  exchange: ['core', 'store', 'registry'],
  catalog: ['core', 'store', 'registry'],
  // The exchange's statistics, read-only, for measured indicators.
  steering: ['core', 'store', 'exchange'],
  sample: PARTS_BELOW_API,
  api: PARTS_BELOW_API,
  cli: [...PARTS_BELOW_API, 'sample'],
  'server.ts': [...PARTS_BELOW_API, 'sample', 'api', 'cli'],
  'main.ts': [...PARTS_BELOW_API, 'sample', 'api', 'cli', 'server.ts'],
};

/**
 * Modules a part publishes beside its index.ts. A worker thread loads only what it imports: the log's
 * verify threads open SQLite through the store's opener alone, without Kysely, pg and the migrations that
 * the store's index.ts brings (a quarter of a second per thread); its commit thread opens Kysely on SQLite
 * without pg, the migrations and the core they import (a third of that thread's heap).
 */
const EXTRA_SURFACES: Readonly<Record<string, readonly string[]>> = {
  store: ['sqlite-database.ts', 'sqlite-kysely.ts'],
};

/** A part's code that reads or writes another part's tables, kept for the reason given. */
export interface TableException {
  readonly part: string;
  /** The file's name without its folder, so that the exception moves with the file inside its part. */
  readonly file: string;
  readonly tables: readonly string[];
}

/**
 * Reads of another part's tables that stay until their owner offers the query: each joins or aggregates
 * across parts in one statement, and splitting it into the owners' calls would cost queries per row or
 * page. Everything else goes through the owning part's index.ts.
 */
const TABLE_EXCEPTIONS: readonly TableException[] = [
  // The audit trail's page names each actor's username in the same query (left join on users).
  { part: 'api', file: 'audit-query.ts', tables: ['audit_events', 'users'] },
  // Figures per publisher with the organisation's name, one grouped query.
  { part: 'catalog', file: 'catalog-figures.ts', tables: ['organisations'] },
  // The open-data review list with the publisher's name, one query.
  { part: 'catalog', file: 'open-data.ts', tables: ['organisations'] },
  // A search page's rows carry the publisher's name from a subquery in the ranked SQL.
  { part: 'catalog', file: 'search-entries.ts', tables: ['organisations'] },
  // A data subject's transactions from the log, named by the client's and provider's organisations.
  {
    part: 'catalog',
    file: 'subject-access.ts',
    tables: ['log_entries', 'systems', 'organisations', 'services'],
  },
  // Measured indicators: traffic per client organisation, systems and enabled services per organisation.
  { part: 'steering', file: 'measure-indicators.ts', tables: ['traffic_minutes', 'systems', 'services'] },
];

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const specifiersOf = (text: string): string[] =>
  [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3]!);

function* sourceFiles(dir: string, extensions: readonly string[] = ['.ts']): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') yield* sourceFiles(path, extensions);
    } else if (extensions.some((extension) => name.endsWith(extension))) yield path;
  }
}

function isTestCode(root: string, file: string): boolean {
  return (
    file.endsWith('.test.ts') ||
    file.includes(`${sep}test-support${sep}`) ||
    file.startsWith(join(root, 'test') + sep)
  );
}

function isPublicSurface(src: string, part: string, target: string): boolean {
  return [...(EXTRA_SURFACES[part] ?? []), 'index.ts'].some((file) => target === join(src, part, file));
}

/**
 * Lists every import under `root/src` that breaks the dependency direction, every use of another part's
 * tables not in `tableExceptions` (and every exception no longer used), and every import leaving
 * `root/console`, as human-readable lines.
 */
export function findDependencyProblems(
  root: string,
  tableExceptions: readonly TableException[] = TABLE_EXCEPTIONS,
): string[] {
  const src = join(root, 'src');
  const partOf = (file: string): string => relative(src, file).split(sep)[0]!;
  const problems: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = partOf(file);
    const isTest = isTestCode(root, file);
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      const where = `${relative(root, file)} imports ${specifier}`;
      // The production build (tsconfig.build.json) leaves test code out; a production import would pull it in.
      if (!isTest && isTestCode(root, target)) {
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
  return [...problems, ...findTableProblems(root, tableExceptions), ...findConsoleProblems(root)];
}

/** Lists every read or write of another part's table under `root/src`, and every exception no longer used. */
function findTableProblems(root: string, tableExceptions: readonly TableException[]): string[] {
  const src = join(root, 'src');
  const schemaDir = join(src, 'store', 'schema');
  if (!existsSync(schemaDir)) return [];
  const owners = readTableOwners(schemaDir);
  const known = new Set(owners.keys());
  const problems: string[] = [];
  const unusedExceptions = new Set(tableExceptions);
  for (const file of sourceFiles(src)) {
    // Test code sets up and inspects any table; the migrations create them all.
    if (isTestCode(root, file) || file.startsWith(join(src, 'store', 'migrations') + sep)) continue;
    const part = relative(src, file).split(sep)[0]!;
    for (const { table, line } of tablesUsedIn(file, readFileSync(file, 'utf8'), known)) {
      if (table === undefined) {
        problems.push(
          `${relative(root, file)}:${line} names a table through a variable: name it literally, so that the check can tell whose table it is.`,
        );
        continue;
      }
      const owner = owners.get(table)!;
      if (owner === part || owner === SHARED) continue;
      const exception = tableExceptions.find(
        (e) => e.part === part && e.file === basename(file) && e.tables.includes(table),
      );
      if (exception !== undefined) {
        unusedExceptions.delete(exception);
        continue;
      }
      problems.push(
        `${relative(root, file)}:${line} uses the table '${table}' of '${owner}': a part uses its own tables only; call a function of src/${owner}/index.ts instead.`,
      );
    }
  }
  for (const exception of unusedExceptions) {
    problems.push(
      `scripts/check-dependency-direction.ts: the table exception for ${exception.part}'s ${exception.file} is no longer needed; remove it.`,
    );
  }
  return problems;
}

/**
 * Lists every import of the console (`root/console`) that leaves it: it talks to the server over /api/v1 only.
 * A console test may import a server module: where the console keeps its own copy of a server rule (it
 * cannot ship server code), its test runs both on the same cases to keep them equal.
 */
function findConsoleProblems(root: string): string[] {
  const consoleDir = join(root, 'console');
  if (!existsSync(consoleDir)) return [];
  const problems: string[] = [];
  for (const file of sourceFiles(consoleDir, ['.ts', '.tsx'])) {
    if (file.endsWith('.test.ts')) continue;
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      // Vite resolves `/…` from the console's root; anything else not relative is an npm dependency.
      const base = specifier.startsWith('/')
        ? consoleDir
        : specifier.startsWith('.')
          ? dirname(file)
          : undefined;
      if (base === undefined) continue;
      const target = join(base, specifier);
      if (target.startsWith(consoleDir + sep)) continue;
      problems.push(
        `${relative(root, file)} imports ${specifier}: the console imports only its own files and its npm dependencies; it reaches the server through /api/v1 (ARCHITECTURE.md).`,
      );
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
