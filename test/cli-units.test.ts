import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCang, startCang } from './support/cang-process.js';

const PRODUCTION = { CANG_SEED_SAMPLE: 'false' };

interface ListedUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
}

/**
 * `cang units list` on the reference data of a production install (no sample), as an operator runs it:
 * the units are loaded by the first `cang start`, not twice by the next, and stay when the sample goes.
 */
describe('cang units list', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-units-'));
    for (const start of [1, 2]) {
      const started = await startCang(dataDir, PRODUCTION);
      expect(started.output.join('\n'), `start ${start}`).toMatch(/Sample data: +off/);
      await started.kill();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const list = (args: readonly string[]): ListedUnit[] => {
    const result = runCang(dataDir, ['units', 'list', ...args, '--json'], PRODUCTION);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as ListedUnit[];
  };

  it('prints the 114 communes, wards and special zones of 2026 with their official codes', () => {
    const communes = list(['--at', '2026-01-01', '--level', 'commune']);
    expect(communes).toHaveLength(114);
    expect(new Set(communes.map((unit) => unit.id)).size).toBe(114);
    expect(communes.every((unit) => /^\d{5}$/.test(unit.id) && unit.kind === 'commune')).toBe(true);
    expect(communes.find((unit) => unit.id === '11383')?.name).toBe('Phường Lê Chân');
  });

  it("prints Hải Phòng's 15 districts of 2024-06-30, and Hải Dương's 12 besides only when asked", () => {
    const districts = list(['--at', '2024-06-30', '--level', 'district']);
    expect(districts).toHaveLength(15);
    expect(districts.every((unit) => unit.parentId === 'UBND-HP')).toBe(true);
    expect(districts.map((unit) => unit.name)).toContain('Huyện Thủy Nguyên');
    const both = list(['--at', '2024-06-30', '--level', 'district', '--include-former-provinces']);
    expect(both).toHaveLength(27);
    expect(both.filter((unit) => unit.parentId === 'UBND-HD')).toHaveLength(12);
  });

  it('refuses an unknown level and a date that is not one, exiting 1', () => {
    const level = runCang(dataDir, ['units', 'list', '--level', 'province']);
    expect(level.status).toBe(1);
    expect(level.stderr).toContain('Allowed choices are city, department, district, commune');
    const date = runCang(dataDir, ['units', 'list', '--at', '2025-02-30']);
    expect(date.status).toBe(1);
    expect(date.stderr).toContain('validation-failed');
    expect(date.stderr).toContain('/asOf');
  });

  it('keeps the units when the sample is removed', () => {
    const removed = runCang(dataDir, ['sample', 'remove', '--yes'], PRODUCTION);
    expect(removed.status, removed.stderr).toBe(0);
    expect(list(['--at', '2026-01-01', '--level', 'commune'])).toHaveLength(114);
    expect(list(['--at', '2024-06-30', '--level', 'district'])).toHaveLength(15);
  });
});
