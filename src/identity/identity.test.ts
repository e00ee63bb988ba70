import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../test/support/dialects.js';
import { CangError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { DEFAULT_API_TOKEN_TTL_MS } from './api-token-commands.js';
import { createIdentity, type Identity } from './create-identity.js';
import { ensureFirstAdministrator } from './first-administrator.js';
import { PASSWORD_COST } from './password-hash.js';
import { SESSION_TTL_MS } from './session-commands.js';
import { countingDeriveKey } from './test-support/counting-derive-key.js';

const SYSTEM = { id: 'system:test', remoteAddress: null };
const PASSWORD = 'a long enough password';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof CangError) return error.code;
    throw error;
  }
}

for (const dialect of DIALECTS) {
  describe(`identity on ${dialect}`, () => {
    let store: Store | undefined;
    let clock = Date.UTC(2026, 10, 26, 8, 0, 0);
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    async function setUp(): Promise<Identity> {
      store = await createTestStore(dialect);
      clock = Date.UTC(2026, 10, 26, 8, 0, 0);
      return createIdentity({ store, now: () => clock });
    }

    async function addUser(identity: Identity, username = 'lan') {
      return identity.createUser(
        {
          username,
          displayName: 'Nguyễn Thị Lan',
          password: PASSWORD,
          roles: [{ role: 'org-admin', scope: 'VN-HP/GOV/SNV' }],
        },
        SYSTEM,
      );
    }

    it('logs in with the right password and finds the session by its token', async () => {
      const identity = await setUp();
      const user = await addUser(identity, 'Lan');
      expect(user.username).toBe('lan');
      const login = await identity.login('lan', PASSWORD, '10.0.0.7');
      expect(Buffer.from(login.token, 'base64url')).toHaveLength(32);
      expect(login.expiresAt).toBe(clock + SESSION_TTL_MS);
      const actor = await identity.sessionActor(login.token, '10.0.0.7');
      expect(actor).toMatchObject({
        userId: user.id,
        via: 'session',
        roles: [{ role: 'org-admin', scope: 'VN-HP/GOV/SNV' }],
      });
      const stored = await store!.db.selectFrom('sessions').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.id_hash).not.toBe(login.token);
    });

    it('refuses a wrong password, an unknown user and a disabled user alike: unauthenticated after one full-cost scrypt', async () => {
      const counting = countingDeriveKey();
      store = await createTestStore(dialect);
      const identity = createIdentity({ store, now: () => clock, deriveKey: counting.deriveKey });
      const user = await addUser(identity);
      const sessionsBefore = await store.db.selectFrom('sessions').selectAll().execute();
      const refusals = [
        () => identity.login('lan', 'not the right password'),
        () => identity.login('nobody', 'not the right password'),
        async () => {
          await identity.updateUser(user.id, { disabled: true }, SYSTEM);
          return identity.login('lan', PASSWORD);
        },
      ];
      for (const refused of refusals) {
        counting.calls.length = 0;
        expect(await codeOf(refused())).toBe('unauthenticated');
        // The unknown user pays the same derivation as a real check: the time does not tell them apart.
        expect(counting.calls).toEqual([PASSWORD_COST]);
      }
      expect(await store.db.selectFrom('sessions').selectAll().execute()).toEqual(sessionsBefore);
      const audit = await store.db.selectFrom('audit_events').select('action').execute();
      expect(audit.map((e) => e.action)).not.toContain('session.create');
    });

    it('ends a session after 12 hours and on logout, recording both in the audit trail', async () => {
      const identity = await setUp();
      await addUser(identity);
      clock += 1;
      const first = await identity.login('lan', PASSWORD);
      clock += SESSION_TTL_MS - 1;
      expect(await identity.sessionActor(first.token)).toBeDefined();
      clock += 1;
      expect(await identity.sessionActor(first.token)).toBeUndefined();
      const second = await identity.login('lan', PASSWORD, '10.0.0.8');
      clock += 1;
      await identity.logout(second.token, '10.0.0.8');
      expect(await identity.sessionActor(second.token)).toBeUndefined();
      const audit = await store!.db.selectFrom('audit_events').selectAll().orderBy('at').execute();
      expect(audit.map((e) => e.action)).toEqual([
        'user.create',
        'session.create',
        'session.create',
        'session.delete',
      ]);
      expect(audit[3]!.remote_address).toBe('10.0.0.8');
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    });

    it('refuses a disabled user and ends their sessions', async () => {
      const identity = await setUp();
      const user = await addUser(identity);
      const login = await identity.login('lan', PASSWORD);
      await identity.updateUser(user.id, { disabled: true }, SYSTEM);
      expect(await identity.sessionActor(login.token)).toBeUndefined();
      expect(await codeOf(identity.login('lan', PASSWORD))).toBe('unauthenticated');
    });

    it('shows an API token once, stores its hash, and refuses it once revoked or expired', async () => {
      const identity = await setUp();
      const user = await addUser(identity);
      const issued = await identity.createApiToken(user.id, { label: 'nightly sync' }, SYSTEM);
      expect(issued.token).toMatch(/^cangu_[A-Za-z0-9_-]{43}$/);
      expect((await identity.tokenActor(issued.token))?.tokenId).toBe(issued.id);
      const rows = await store!.db.selectFrom('api_tokens').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(issued.token);
      expect(await identity.listApiTokens(user.id)).toEqual([
        {
          id: issued.id,
          label: 'nightly sync',
          createdAt: clock,
          expiresAt: clock + DEFAULT_API_TOKEN_TTL_MS,
          revokedAt: null,
        },
      ]);
      await identity.revokeApiToken(user.id, issued.id, SYSTEM);
      expect(await identity.tokenActor(issued.token)).toBeUndefined();

      const shortLived = await identity.createApiToken(
        user.id,
        { label: 'short', expiresAt: clock + 1000 },
        SYSTEM,
      );
      expect(await identity.tokenActor(shortLived.token)).toBeDefined();
      clock += 1000;
      expect(await identity.tokenActor(shortLived.token)).toBeUndefined();
    });

    it("refuses to revoke another user's token with not-found", async () => {
      const identity = await setUp();
      const lan = await addUser(identity, 'lan');
      const minh = await addUser(identity, 'minh');
      const issued = await identity.createApiToken(lan.id, { label: 'x' }, SYSTEM);
      expect(await codeOf(identity.revokeApiToken(minh.id, issued.id, SYSTEM))).toBe('not-found');
      expect(await identity.tokenActor(issued.token)).toBeDefined();
    });

    it('refuses short passwords, bad scopes and taken usernames', async () => {
      const identity = await setUp();
      await addUser(identity);
      expect(await codeOf(addUser(identity))).toBe('conflict');
      const short = identity.createUser(
        { username: 'x1', displayName: 'X', password: 'short', roles: [] },
        SYSTEM,
      );
      expect(await codeOf(short)).toBe('validation-failed');
      const scopeless = identity.createUser(
        { username: 'x2', displayName: 'X', password: PASSWORD, roles: [{ role: 'org-admin' }] },
        SYSTEM,
      );
      expect(await codeOf(scopeless)).toBe('validation-failed');
    });

    it('changes a password: the old one stops working and other sessions end', async () => {
      const identity = await setUp();
      const user = await addUser(identity);
      const kept = await identity.login('lan', PASSWORD);
      const other = await identity.login('lan', PASSWORD);
      const wrong = identity.changePassword(user.id, 'not my password', 'a brand new password', SYSTEM);
      expect(await codeOf(wrong)).toBe('validation-failed');
      await identity.changePassword(user.id, PASSWORD, 'a brand new password', SYSTEM, kept.token);
      expect(await identity.sessionActor(kept.token)).toBeDefined();
      expect(await identity.sessionActor(other.token)).toBeUndefined();
      expect(await identity.verifyPassword('lan', PASSWORD)).toBeUndefined();
      expect((await identity.verifyPassword('lan', 'a brand new password'))?.id).toBe(user.id);
    });

    it('lists users page by page and replaces roles', async () => {
      const identity = await setUp();
      for (const name of ['an', 'binh', 'chi']) await addUser(identity, name);
      const first = await identity.listUsers({ limit: 2 });
      expect(first.items.map((u) => u.username)).toEqual(['an', 'binh']);
      const second = await identity.listUsers({ limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((u) => u.username)).toEqual(['chi']);
      expect(second.nextCursor).toBeNull();
      const updated = await identity.updateUser(first.items[0]!.id, { roles: [{ role: 'auditor' }] }, SYSTEM);
      expect(updated.roles).toEqual([{ role: 'auditor' }]);
    });

    it('creates the first administrator once, with a generated password', async () => {
      const identity = await setUp();
      const first = await ensureFirstAdministrator(identity);
      expect(first?.username).toBe('admin');
      expect(first?.password).toMatch(/^[A-Za-z2-9]{20}$/);
      expect(await ensureFirstAdministrator(identity)).toBeUndefined();
      const admin = await identity.verifyPassword('admin', first!.password);
      expect(admin?.roles).toEqual([{ role: 'platform-admin' }]);
      expect(await identity.countUsers()).toBe(1);
    });
  });
}
