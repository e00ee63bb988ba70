import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, sqliteFileIn } from './create-store.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the directory and every database file to its owner, whatever the umask', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cang-data-'));
    made.push(parent);
    const dataDir = join(parent, 'cang-data');
    const previous = process.umask(0o002);
    try {
      const store = createStore({ sqliteFile: sqliteFileIn(dataDir) });
      await store.migrate();
      const file = join(dataDir, 'cang.sqlite');
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(file)).toBe(0o600);
      // SQLite made the WAL and shared-memory files with the database file's mode.
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('closes up a directory and a database that an earlier install left readable to others', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cang-data-'));
    made.push(dataDir);
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    const file = join(dataDir, 'cang.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    expect(sqliteFileIn(dataDir)).toBe(file);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
  });
});
