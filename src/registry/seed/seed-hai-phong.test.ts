import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR, DIALECTS, type RegistryFixture, buildRegistry } from '../test-support/registry-fixtures.js';
import { haiPhongOrganisations, seedHaiPhong } from './seed-hai-phong.js';

// City 1 + 14 current departments + 15 districts as they stood before 2025-07-01.
const EXPECTED_ORGANISATIONS = 30;

describe('Hải Phòng sample organisations', () => {
  it('keeps current departments and uses the renamed form of renamed districts', () => {
    const codes = haiPhongOrganisations().map((o) => o.code);
    expect(codes).toHaveLength(EXPECTED_ORGANISATIONS);
    expect(codes).toEqual(
      expect.arrayContaining(['UBND-HP', 'SNNMT', 'SVHTTDL', 'TP-THUYNGUYEN', 'Q-ANDUONG']),
    );
    expect(codes).not.toEqual(expect.arrayContaining(['STTTT']));
    expect(codes).not.toContain('H-THUYNGUYEN');
    expect(codes).not.toContain('SKHDT');
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
    });
  });
}
