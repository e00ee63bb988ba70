import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import type { Store } from './index.js';

import { isForeignKeyViolation, isUniqueViolation, mapDatabaseError } from './database-errors.js';
import { createTestStore, DIALECTS } from '../../test/support/dialects.js';

const ORGANISATION = {
  id: 'VN-HP/GOV/SNV',
  instance: 'VN-HP',
  member_class: 'GOV',
  code: 'SNV',
  name: 'Sở Nội vụ',
  agency_code: null,
  admin_code: null,
  valid_to: null,
  created_at: 0,
  updated_at: 0,
};

for (const dialect of DIALECTS) {
  describe(`constraint violations on ${dialect}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    it('maps a duplicate primary key to conflict', async () => {
      await store.db.insertInto('organisations').values(ORGANISATION).execute();
      const error = await store.db
        .insertInto('organisations')
        .values(ORGANISATION)
        .execute()
        .catch((e) => e);
      expect(isUniqueViolation(error)).toBe(true);
      const mapped = mapDatabaseError(error);
      expect(mapped).toBeInstanceOf(CangError);
      expect((mapped as CangError).code).toBe('conflict');
    });

    it('maps a dangling reference to conflict and leaves other errors alone', async () => {
      const error = await store.db
        .insertInto('systems')
        .values({
          id: 'x/GOV/y/z',
          sample: 0,
          organisation_id: 'x/GOV/y',
          code: 'z',
          name: 'z',
          created_at: 0,
          updated_at: 0,
        })
        .execute()
        .catch((e) => e);
      expect(isForeignKeyViolation(error)).toBe(true);
      expect((mapDatabaseError(error) as CangError).code).toBe('conflict');
      const other = new Error('boom');
      expect(mapDatabaseError(other)).toBe(other);
    });
  });
}
