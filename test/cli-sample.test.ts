import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SERVICES } from '../src/sample/index.js';
import { runCang, startCang } from './support/cang-process.js';

const QUICK = { CANG_SAMPLE_TRAFFIC: 'false' };

/** `cang sample remove` on the sample a first `cang start` loads, as an operator runs it between starts. */
describe('cang sample remove', () => {
  let dataDir = '';
  let adminPassword = '';
  const providerOrganisation = SAMPLE_SERVICES[0]!.id.split('/').slice(0, 3).join('/');
  const systemsOf = (organisation: string): { id: string }[] => {
    const listed = runCang(dataDir, ['system', 'list', organisation, '--json'], QUICK);
    expect(listed.status, listed.stderr).toBe(0);
    return JSON.parse(listed.stdout) as { id: string }[];
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-cli-'));
    const first = await startCang(dataDir, QUICK);
    adminPassword = first.adminPassword!;
    await first.kill();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses without --yes when no terminal can confirm, removing nothing', () => {
    expect(systemsOf(providerOrganisation).length).toBeGreaterThan(0);
    const refused = runCang(dataDir, ['sample', 'remove'], QUICK);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('pass --yes');
    expect(systemsOf(providerOrganisation).length).toBeGreaterThan(0);
  });

  it('removes the sample with --yes, says what went, and a later start loads none of it', async () => {
    const removed = runCang(dataDir, ['sample', 'remove', '--yes'], QUICK);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('removed: steering workspace');
    expect(removed.stdout).toContain('Sample data removed');
    expect(removed.stdout).toMatch(/registry: {2}[1-9]\d* systems, [1-9]\d* services/);
    expect(removed.stdout).toMatch(/users: {5}6 sample users/);
    expect(removed.stdout).toContain('The transaction log keeps its sample calls (purpose MAU-MINH-HOA)');
    expect(existsSync(join(dataDir, 'sample-tokens.json'))).toBe(false);
    expect(systemsOf(providerOrganisation)).toEqual([]);

    const again = await startCang(dataDir, QUICK);
    try {
      expect(again.output.join('\n')).toMatch(/Sample data: +removed on \d{4}-/);
      expect(systemsOf(providerOrganisation)).toEqual([]);
      const login = await fetch(`${again.adminUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({ username: 'admin', sampleData: false });
    } finally {
      await again.kill();
    }
    expect(existsSync(join(dataDir, 'sample-tokens.json'))).toBe(false);
  }, 120_000);
});
