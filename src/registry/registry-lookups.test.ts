import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  organisationNameOf,
  organisationNamesOf,
  organisationOfSystem,
  serviceExists,
} from './registry-lookups.js';
import {
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildRegistry,
} from './test-support/registry-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`registry lookups on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('names organisations, finds a system’s organisation and tells whether a service exists', async () => {
      const { provider, service } = await buildExchangePair(fx.registry);
      const db = fx.store.db;

      expect(await organisationNameOf(db, 'VN-HP/GOV/STP')).toBe('Sở Tư pháp');
      expect(await organisationNameOf(db, 'VN-HP/GOV/NONE')).toBeUndefined();
      expect(await organisationNamesOf(db, ['VN-HP/GOV/STP', 'VN-HP/GOV/SNV', 'VN-HP/GOV/NONE'])).toEqual(
        new Map([
          ['VN-HP/GOV/STP', 'Sở Tư pháp'],
          ['VN-HP/GOV/SNV', 'Sở Nội vụ'],
        ]),
      );
      expect(await organisationNamesOf(db, [])).toEqual(new Map());
      expect(await organisationOfSystem(db, provider)).toBe('VN-HP/GOV/STP');
      expect(await organisationOfSystem(db, 'VN-HP/GOV/STP/NONE')).toBeUndefined();
      expect(await serviceExists(db, service)).toBe(true);
      expect(await serviceExists(db, `${provider}/none`)).toBe(false);
    });
  });
}
