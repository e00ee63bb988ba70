import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reachablePostgresTree } from './postgres-binaries.js';

describe('reachablePostgresTree', () => {
  let root: string;
  let source: string;
  let parent: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cang-postgres-tree-'));
    // A small tree shaped like PostgreSQL's, installed under umask 077.
    source = join(root, 'locked', 'native');
    mkdirSync(join(source, 'bin'), { recursive: true, mode: 0o700 });
    mkdirSync(join(source, 'lib'), { mode: 0o700 });
    mkdirSync(join(source, 'share', 'postgresql'), { recursive: true, mode: 0o700 });
    writeFileSync(join(source, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o700 });
    writeFileSync(join(source, 'lib', 'libpq.so.5.18'), 'library', { mode: 0o600 });
    symlinkSync('libpq.so.5.18', join(source, 'lib', 'libpq.so.5'));
    writeFileSync(join(source, 'share', 'postgresql', 'postgres.bki'), 'catalog', { mode: 0o600 });
    parent = join(root, 'tmp');
    mkdirSync(parent);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the tree open to every user, with its links still relative', () => {
    const copy = reachablePostgresTree(source, parent);
    expect(copy.startsWith(parent)).toBe(true);
    expect(statSync(copy).mode & 0o777).toBe(0o755);
    expect(statSync(join(copy, 'bin')).mode & 0o777).toBe(0o755);
    expect(statSync(join(copy, 'bin', 'postgres')).mode & 0o777).toBe(0o755);
    expect(statSync(join(copy, 'lib', 'libpq.so.5.18')).mode & 0o777).toBe(0o644);
    expect(readlinkSync(join(copy, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(readFileSync(join(copy, 'share', 'postgresql', 'postgres.bki'), 'utf8')).toBe('catalog');
  });

  it('reuses a whole copy instead of copying again', () => {
    const copy = reachablePostgresTree(source, parent);
    const copied = lstatSync(join(copy, 'bin', 'postgres')).ino;
    expect(reachablePostgresTree(source, parent)).toBe(copy);
    expect(lstatSync(join(copy, 'bin', 'postgres')).ino).toBe(copied);
  });

  it('replaces a copy that lost a file or a permission', () => {
    const copy = reachablePostgresTree(source, parent);
    unlinkSync(join(copy, 'share', 'postgresql', 'postgres.bki'));
    expect(reachablePostgresTree(source, parent)).toBe(copy);
    expect(readFileSync(join(copy, 'share', 'postgresql', 'postgres.bki'), 'utf8')).toBe('catalog');
    chmodSync(join(copy, 'bin', 'postgres'), 0o700);
    reachablePostgresTree(source, parent);
    expect(statSync(join(copy, 'bin', 'postgres')).mode & 0o777).toBe(0o755);
  });

  it('gives a changed source a copy of its own', () => {
    const first = reachablePostgresTree(source, parent);
    writeFileSync(join(source, 'bin', 'postgres'), '#!/bin/sh\nexit 0\n');
    const second = reachablePostgresTree(source, parent);
    expect(second).not.toBe(first);
    expect(readFileSync(join(second, 'bin', 'postgres'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('leaves no staging directory behind', () => {
    const copy = reachablePostgresTree(source, parent);
    reachablePostgresTree(source, parent);
    expect(readdirSync(parent)).toEqual([copy.slice(parent.length + 1)]);
  });
});
