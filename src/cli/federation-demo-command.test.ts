import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CANG = resolve(import.meta.dirname, '../../bin/cang.js');

describe('cang demo federation', () => {
  const root = mkdtempSync(join(tmpdir(), 'cang-demo-federation-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Two instances start, migrate and poll each other in one process: tens of seconds on a busy machine.
  it('walks two instances through trust, a call across, its refusals and both logs, and exits 0', {
    timeout: 180_000,
  }, () => {
    const run = spawnSync(process.execPath, [CANG, 'demo', 'federation', '--data-dir', root], {
      encoding: 'utf8',
      env: { ...process.env, CANG_LOG_LEVEL: 'warn' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).not.toContain('✗');
    for (const line of [
      '2. Each instance exports its configuration anchor and trusts the other',
      '✓ VN-HP trusts VN',
      '✓ VN trusts VN-HP',
      '✓ 200 OK: citizen Phạm Thị Hương',
      '✓ logged on the far side by VN/vn-node-1',
      '✓ the far side logged the same request hash',
      '✓ Sở Nội vụ has no grant at VN: 403 access-denied, X-Cang-Instance: VN',
      '413 payload-too-large, X-Cang-Instance: VN-HP',
      '✓ the refusal is logged on both sides too',
      '✓ VN-HP: chain holds',
      '✓ VN: chain holds',
      'Demo complete: every step worked.',
    ]) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout.normalize('NFC')).toBe(run.stdout);
    // Each instance had its own data directory in the folder given.
    expect(readdirSync(root).sort()).toEqual(['VN', 'VN-HP']);
  });
});
