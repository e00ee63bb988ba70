import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCang, startCang } from './support/cang-process.js';

/** `cang backup` of a data directory in use, then `cang restore` into fresh ones, as an operator runs them. */
describe('cang backup and cang restore', () => {
  let root = '';
  let source = '';
  let backup = '';
  let sourceEntries = 0;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cang-backup-'));
    source = join(root, 'source');
    backup = join(root, 'backup');
    expect(runCang(source, ['demo', '--data-dir', source]).status).toBe(0);
    // The copy is taken while Cảng runs on the data directory.
    const running = await startCang(source);
    try {
      const made = runCang(source, ['backup', backup]);
      expect(made.stderr).toContain('private keys');
      expect(made.status).toBe(0);
    } finally {
      await running.kill();
    }
    const verified = runCang(source, ['log', 'verify']);
    sourceEntries = Number(/verified — (\d+) entries/.exec(verified.stdout)?.[1]);
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the store and the keys readable by their owner only', () => {
    expect(sourceEntries).toBeGreaterThan(0);
    expect(statSync(backup).mode & 0o777).toBe(0o700);
    expect(statSync(join(backup, 'cang.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(join(backup, 'keys', 'registry.json')).mode & 0o777).toBe(0o600);
  });

  it('restores into an empty data directory and the restored log verifies entry for entry', () => {
    const target = join(root, 'restored');
    const restored = runCang(target, ['restore', backup]);
    expect(restored.stderr).not.toContain('FAILED');
    expect(restored.stdout).toContain(`OK: the restored transaction log verified — ${sourceEntries} entries`);
    expect(restored.status).toBe(0);
    expect(runCang(target, ['log', 'verify']).status).toBe(0);
    // Never over an existing store.
    const again = runCang(target, ['restore', backup]);
    expect(again.stderr).toContain('already holds a store or keys');
    expect(again.status).toBe(1);
  });

  it('fails the restore of a backup whose log was edited, naming the entry', () => {
    const edited = join(root, 'edited-backup');
    cpSync(backup, edited, { recursive: true });
    const db = new DatabaseSync(join(edited, 'cang.sqlite'));
    db.prepare("update log_entries set path = '/sua' where seq = 2").run();
    db.close();
    const restored = runCang(join(root, 'restored-edited'), ['restore', edited]);
    expect(restored.stderr).toMatch(/FAILED.*first bad sequence number 2 /);
    expect(restored.status).toBe(1);
  });

  it('refuses a folder that is not a backup, and a backup folder that is not empty', () => {
    const notBackup = runCang(join(root, 'elsewhere'), ['restore', root]);
    expect(notBackup.stderr).toContain('holds no Cảng backup');
    expect(notBackup.status).toBe(1);
    const overBackup = runCang(source, ['backup', backup]);
    expect(overBackup.stderr).toContain('is not empty');
    expect(overBackup.status).toBe(1);
  });
});
