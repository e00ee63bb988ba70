import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../test/support/dialects.js';
import type { Store } from '../store/index.js';
import { createIdentity } from './create-identity.js';
import { seedSampleUsers } from './sample-users.js';

const SYSTEM = { id: 'system:test', remoteAddress: null };
const REPORTERS = [
  {
    username: 'baocao.11383',
    displayName: 'Cán bộ báo cáo Phường Lê Chân',
    roles: [{ role: 'unit-reporter', scope: '11383' }],
  },
  {
    username: 'baocao.11311',
    displayName: 'Cán bộ báo cáo Phường Hồng Bàng',
    roles: [{ role: 'unit-reporter', scope: '11311' }],
  },
] as const;

for (const dialect of DIALECTS) {
  describe(`sample users on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('creates the missing sample users marked as sample, scoped, with a password to be set, once', async () => {
      store = await createTestStore(dialect);
      const identity = createIdentity({ store, now: () => Date.UTC(2026, 11, 2, 3) });
      // 1. A user of that name already there is left as it is.
      await identity.createUser(
        { ...REPORTERS[1], password: 'mật khẩu đủ dài của người thật', roles: [{ role: 'leader' }] },
        SYSTEM,
      );
      expect(await seedSampleUsers(identity, REPORTERS, SYSTEM)).toBe(1);
      expect(await seedSampleUsers(identity, REPORTERS, SYSTEM)).toBe(0);
      const rows = await store.db
        .selectFrom('users')
        .select(['username', 'sample', 'must_change_password'])
        .orderBy('username')
        .execute();
      expect(rows).toEqual([
        { username: 'baocao.11311', sample: 0, must_change_password: 0 },
        { username: 'baocao.11383', sample: 1, must_change_password: 1 },
      ]);
      const users = (await identity.listUsers()).items;
      expect(users.find((u) => u.username === 'baocao.11383')?.roles).toEqual([
        { role: 'unit-reporter', scope: '11383' },
      ]);
      // 2. The sample marks the audit trail too, and no password appears in it.
      const audit = await store.db
        .selectFrom('audit_events')
        .select(['details'])
        .where('action', '=', 'user.create')
        .where('resource', '=', 'user/baocao.11383')
        .executeTakeFirstOrThrow();
      expect(String(audit.details)).toContain('"sample":true');
      expect(String(audit.details)).not.toMatch(/password/i);
    });
  });
}
