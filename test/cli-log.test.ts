import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCang } from './support/cang-process.js';

/**
 * `cang demo` end to end, then the log commands on what it left behind, as an operator runs them. Each
 * test runs several `cang` processes one after another, hence the generous bounds on a busy machine.
 */
describe('cang demo and cang log', () => {
  let dataDir = '';
  let demo: ReturnType<typeof runCang>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-cli-'));
    demo = runCang(dataDir, ['demo', '--data-dir', dataDir]);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the demo on a fresh data directory and exits 0', () => {
    expect(demo.stderr).not.toContain('✗');
    expect(demo.stdout).toContain('Demo complete: every step worked.');
    expect(demo.stdout).toContain('403 access-denied');
    expect(demo.status).toBe(0);
  });

  it('exports a signed archive that verifies offline with the node key, and refuses a foreign key', () => {
    const archive = join(dataDir, 'log.cang.gz');
    const exported = runCang(dataDir, ['log', 'export', archive]);
    expect(exported.status).toBe(0);
    const key = /--key (\S+)/.exec(exported.stdout)?.[1];
    expect(key).toBeDefined();
    const verified = runCang(join(dataDir, 'nowhere'), ['log', 'verify-archive', archive, '--key', key!]);
    expect(verified.stdout).toContain('OK: archive');
    expect(verified.status).toBe(0);
    const registryKey = /Registry key \S+:\s+(\S+)/.exec(runCang(dataDir, ['keys']).stdout)?.[1];
    expect(registryKey).toBeDefined();
    expect(registryKey).not.toBe(key);
    const foreign = runCang(dataDir, ['log', 'verify-archive', archive, '--key', registryKey!]);
    // Refused for the signature, not for anything else (a bad argument also exits 1).
    expect(foreign.stderr).toContain("FAILED: the archive's signature does not verify with the given key");
    expect(foreign.stdout).not.toContain('OK: archive');
    expect(foreign.status).toBe(1);
    expect(readFileSync(archive).length).toBeGreaterThan(100);
  }, 120_000);

  it('fails verification naming the first bad sequence number once an entry is edited', () => {
    expect(runCang(dataDir, ['log', 'verify']).status).toBe(0);
    const sqlite = new DatabaseSync(join(dataDir, 'cang.sqlite'));
    sqlite.prepare("UPDATE log_entries SET path = '/households/someone-else' WHERE seq = 2").run();
    sqlite.close();
    const verified = runCang(dataDir, ['log', 'verify']);
    expect(verified.status).toBe(1);
    expect(verified.stderr).toContain('first bad sequence number 2');
  }, 120_000);
});
