import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../test/support/dialects.js';
import type { Store } from './index.js';

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('migrates an empty database and reports each migration', async () => {
      store = await createTestStore(dialect);
      const again = await store.migrate();
      expect(again.results).toEqual([]);
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['organisations', 'log_entries', 'users']),
      );
    });

    it('reads bigint times back as numbers', async () => {
      store = await createTestStore(dialect);
      const at = Date.UTC(2026, 10, 26, 13, 0, 0);
      await store.db
        .insertInto('organisations')
        .values({
          id: 'VN-HP/GOV/SNV',
          instance: 'VN-HP',
          member_class: 'GOV',
          code: 'SNV',
          name: 'Sở Nội vụ',
          agency_code: null,
          admin_code: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const row = await store.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
      expect(row.created_at).toBe(at);
      expect(row.name).toBe('Sở Nội vụ');
    });

    it('rolls back a failed transaction completely', async () => {
      store = await createTestStore(dialect);
      const at = Date.now();
      const org = {
        instance: 'VN-HP',
        member_class: 'GOV',
        name: 'x',
        agency_code: null,
        admin_code: null,
        created_at: at,
        updated_at: at,
      };
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('organisations')
            .values({ ...org, id: 'VN-HP/GOV/A', code: 'A' })
            .execute();
          await trx
            .insertInto('organisations')
            .values({ ...org, id: 'VN-HP/GOV/A', code: 'A' })
            .execute();
        }),
      ).rejects.toThrow();
      expect(await store.db.selectFrom('organisations').selectAll().execute()).toEqual([]);
    });
  });
}
