import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../test/support/dialects.js';
import { CangError } from '../core/index.js';
import { writeAudited } from './audited-write.js';
import type { Store } from './index.js';

const ACTOR = { id: 'user-1', remoteAddress: '192.0.2.7' };
const AT = Date.UTC(2026, 0, 5);

function organisation(code: string) {
  return {
    id: `VN-HP/GOV/${code}`,
    instance: 'VN-HP',
    member_class: 'GOV',
    code,
    name: `Sở ${code}`,
    agency_code: null,
    admin_code: null,
    valid_to: null,
    created_at: AT,
    updated_at: AT,
  };
}

for (const dialect of DIALECTS) {
  describe(`the audited write on ${dialect}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    const auditRows = () => store.db.selectFrom('audit_events').selectAll().orderBy('action').execute();

    it('commits the change and each of its audit entries at the same instant, by the actor', async () => {
      const result = await writeAudited(store.db, ACTOR, AT, async (trx, now) => {
        await trx.insertInto('organisations').values(organisation('STP')).execute();
        return {
          result: now,
          audit: [
            { action: 'organisation.create', resource: 'VN-HP/GOV/STP' },
            { action: 'organisation.note', resource: 'VN-HP/GOV/STP', details: { why: 'thử' } },
          ],
        };
      });
      expect(result).toBe(AT);
      const rows = await auditRows();
      expect(rows.map((row) => [row.action, row.actor, row.at, row.remote_address])).toEqual([
        ['organisation.create', 'user-1', AT, '192.0.2.7'],
        ['organisation.note', 'user-1', AT, '192.0.2.7'],
      ]);
      expect(JSON.parse(rows[1]?.details ?? 'null')).toEqual({ why: 'thử' });
    });

    it('answers a duplicate key with conflict and keeps neither the change nor its audit entry', async () => {
      await store.db.insertInto('organisations').values(organisation('SNV')).execute();
      const error = await writeAudited(store.db, ACTOR, AT, async (trx) => {
        await trx.insertInto('organisations').values(organisation('STC')).execute();
        await trx.insertInto('organisations').values(organisation('SNV')).execute();
        return { result: null, audit: { action: 'organisation.create', resource: 'VN-HP/GOV/SNV' } };
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CangError);
      expect((error as CangError).code).toBe('conflict');
      const codes = await store.db.selectFrom('organisations').select('code').execute();
      expect(codes.map((row) => row.code)).toEqual(['SNV']);
      expect(await auditRows()).toEqual([]);
    });

    it('answers a dangling reference with conflict', async () => {
      const error = await writeAudited(store.db, ACTOR, AT, async (trx) => {
        await trx
          .insertInto('systems')
          .values({
            id: 'x/GOV/y/z',
            sample: 0,
            organisation_id: 'x/GOV/y',
            code: 'z',
            name: 'z',
            created_at: AT,
            updated_at: AT,
          })
          .execute();
        return { result: null, audit: { action: 'system.create', resource: 'x/GOV/y/z' } };
      }).catch((e: unknown) => e);
      expect((error as CangError).code).toBe('conflict');
      expect(await auditRows()).toEqual([]);
    });

    it('passes a refusal of the change through unchanged and writes nothing', async () => {
      const refusal = new CangError('forbidden', 'Not yours to change');
      const error = await writeAudited(store.db, ACTOR, AT, async (trx) => {
        await trx.insertInto('organisations').values(organisation('SXD')).execute();
        throw refusal;
      }).catch((e: unknown) => e);
      expect(error).toBe(refusal);
      expect(await store.db.selectFrom('organisations').select('code').execute()).toEqual([]);
    });

    it('refuses a change without an actor before touching the store', async () => {
      const error = await writeAudited(store.db, { id: '' }, AT, async (trx) => {
        await trx.insertInto('organisations').values(organisation('SYT')).execute();
        return { result: null, audit: { action: 'organisation.create', resource: 'VN-HP/GOV/SYT' } };
      }).catch((e: unknown) => e);
      expect((error as CangError).code).toBe('internal');
      expect(await store.db.selectFrom('organisations').select('code').execute()).toEqual([]);
    });
  });
}
