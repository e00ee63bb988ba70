import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR, DIALECTS, type RegistryFixture, buildRegistry } from '../test-support/registry-fixtures.js';
import { haiPhongOrganisations, seedHaiPhong } from './seed-hai-phong.js';

// City 1 + 14 agencies + 8 sample communes + 15 districts as they stood before 2025-07-01, ended.
const EXPECTED_ORGANISATIONS = 38;

describe('Hải Phòng sample organisations', () => {
  it('keeps current departments, adds sample communes and uses the renamed form of renamed districts', () => {
    const codes = haiPhongOrganisations().map((o) => o.code);
    expect(codes).toHaveLength(EXPECTED_ORGANISATIONS);
    expect(codes).toEqual(
      expect.arrayContaining(['UBND-HP', 'SNNMT', 'SVHTTDL', 'TP-THUYNGUYEN', 'Q-ANDUONG']),
    );
    expect(codes).not.toEqual(expect.arrayContaining(['STTTT']));
    expect(codes).not.toContain('H-THUYNGUYEN');
    expect(codes).not.toContain('SKHDT');
    expect(codes).toEqual(expect.arrayContaining(['11383', '10525', '11914']));
    const ended = haiPhongOrganisations().filter((o) => o.validTo !== undefined);
    expect(ended).toHaveLength(15);
    expect(ended.every((o) => o.validTo === '2025-06-30')).toBe(true);
  });
});

for (const dialect of DIALECTS) {
  describe(`seeding Hải Phòng on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates the organisations once and leaves them alone on a second run', async () => {
      const first = await seedHaiPhong(fx.registry, ACTOR);
      expect(first.created).toHaveLength(EXPECTED_ORGANISATIONS);
      expect(first.existing).toEqual([]);
      await fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', { agencyCode: '000.00.31.H26' });

      const second = await seedHaiPhong(fx.registry, ACTOR);
      expect(second.created).toEqual([]);
      expect(second.existing).toHaveLength(EXPECTED_ORGANISATIONS);

      const page = await fx.registry.organisations.list({ limit: 200 });
      expect(page.items).toHaveLength(EXPECTED_ORGANISATIONS);
      expect(await fx.registry.organisations.get('VN-HP/GOV/UBND-HP')).toMatchObject({
        name: 'Ủy ban nhân dân thành phố Hải Phòng',
        adminCode: '31',
      });
      expect(await fx.registry.organisations.get('VN-HP/GOV/TP-THUYNGUYEN')).toMatchObject({
        name: 'Thành phố Thủy Nguyên',
        adminCode: '311',
      });
      expect((await fx.registry.organisations.get('VN-HP/GOV/SNV')).agencyCode).toBe('000.00.31.H26');
      expect(await fx.registry.organisations.get('VN-HP/GOV/Q-LECHAN')).toMatchObject({
        validTo: '2025-06-30',
      });
      expect(await fx.registry.organisations.get('VN-HP/GOV/11383')).toMatchObject({
        name: 'Phường Lê Chân',
        adminCode: '11383',
        validTo: null,
      });
    });
  });
}
