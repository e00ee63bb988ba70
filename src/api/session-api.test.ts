import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { type ApiHarness, readJson, startApi, TEST_PASSWORD } from './test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from './test-support/expect-refusal.js';

interface UserBody {
  id: string;
  username: string;
  roles: unknown[];
}

for (const dialect of DIALECTS) {
  describe(`admin API sessions and tokens on ${dialect}`, () => {
    let api: ApiHarness | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    it('logs in and sets an HttpOnly, SameSite=Strict session cookie that authenticates', async () => {
      api = await startApi(dialect);
      await api.addUser('lan', [{ role: 'org-admin', scope: 'VN-HP/GOV/SNV' }]);
      const response = await api.call(
        'POST',
        '/api/v1/session',
        {},
        { username: 'lan', password: TEST_PASSWORD },
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        username: 'lan',
        roles: [{ role: 'org-admin', scope: 'VN-HP/GOV/SNV' }],
      });
      const setCookie = response.headers.getSetCookie()[0]!;
      expect(setCookie).toMatch(/^cang_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).not.toContain('Secure'); // plain HTTP in the test
      const me = await api.call('GET', '/api/v1/session', { cookie: setCookie.split(';')[0]! });
      expect(me.status).toBe(200);
      expect((await readJson<UserBody>(me)).username).toBe('lan');
    });

    it('says whether the platform holds sample data, on login and on the session', async () => {
      api = await startApi(dialect, { admin: { sampleData: async () => true } });
      await api.addUser('lan', [{ role: 'auditor' }]);
      const login = await api.call(
        'POST',
        '/api/v1/session',
        {},
        { username: 'lan', password: TEST_PASSWORD },
      );
      expect(await login.json()).toMatchObject({ username: 'lan', sampleData: true });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const me = await readJson<{ sampleData: boolean }>(
        await api.call('GET', '/api/v1/session', { cookie }),
      );
      expect(me.sampleData).toBe(true);
    });

    it('says there is no sample data when the platform has no answer for it', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('lan', [{ role: 'auditor' }]);
      const me = await readJson<{ sampleData: boolean }>(
        await api.call('GET', '/api/v1/session', { cookie }),
      );
      expect(me.sampleData).toBe(false);
    });

    it('answers what the signed-in user may do, leaving out what the rule table refuses them', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('hoa', [
        { role: 'leader' },
        { role: 'unit-reporter', scope: 'U1' },
      ]);
      const me = await readJson<{ capabilities: { action: string; scopes: string[] | null }[] }>(
        await api.call('GET', '/api/v1/session', { cookie }),
      );
      const actions = new Map(me.capabilities.map((c) => [c.action, c.scopes]));
      expect(actions.get('steering.read')).toBeNull();
      expect(actions.get('steering.report')).toEqual(['U1']);
      expect(actions.has('steering.write')).toBe(false);
      expect(actions.has('user.read')).toBe(false);
      expect(actions.has('log.read')).toBe(false);
    });

    it('refuses a wrong password and an unknown user with a 401 unauthenticated problem', async () => {
      api = await startApi(dialect);
      await api.addUser('lan', []);
      for (const username of ['lan', 'nobody']) {
        const response = await api.call(
          'POST',
          '/api/v1/session',
          {},
          { username, password: 'wrong password!!' },
        );
        expect(response.headers.getSetCookie()).toEqual([]);
        await expectRefusal(response, 401, 'unauthenticated');
      }
      expect(await api.store.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
      // Each failure is audited alike, known user or not, with the address and never the password.
      const audited = await api.store.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
      expect(audited.filter((e) => e.action === 'user.create')).toHaveLength(1);
      expect(audited.filter((e) => e.action === 'session.refuse').map((e) => e.resource)).toEqual([
        'user/lan',
        'user/nobody',
      ]);
      expect(JSON.stringify(audited)).not.toContain('wrong password!!');
    });

    it('refuses a request without a session or token with 401 unauthenticated', async () => {
      api = await startApi(dialect);
      await expectRefusal(await api.call('GET', '/api/v1/users'), 401, 'unauthenticated');
      const forged = await api.call('GET', '/api/v1/session', { cookie: 'cang_session=forged' });
      await expectRefusal(forged, 401, 'unauthenticated');
    });

    it('refuses a cookie-authenticated change without the X-Requested-With header (CSRF)', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const body = { username: 'minh', displayName: 'Minh', password: TEST_PASSWORD, roles: [] };
      const harness = api;
      await expectNothingWritten(harness.store, ['users', 'user_roles'], async () => {
        const refused = await harness.call('POST', '/api/v1/users', { cookie, noCsrfHeader: true }, body);
        await expectRefusal(refused, 403, 'forbidden');
      });
      const accepted = await api.call('POST', '/api/v1/users', { cookie }, body);
      expect(accepted.status).toBe(201);
    });

    it('logs out: the cookie stops working and the audit trail has login and logout with the address', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('lan', []);
      const out = await api.call('DELETE', '/api/v1/session', { cookie });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()[0]).toMatch(/^cang_session=;/);
      await expectRefusal(await api.call('GET', '/api/v1/session', { cookie }), 401, 'unauthenticated');
      const events = await api.store.db.selectFrom('audit_events').selectAll().execute();
      const sessionEvents = events.filter((e) => e.action.startsWith('session.'));
      expect(sessionEvents.map((e) => e.action).sort()).toEqual(['session.create', 'session.delete']);
      expect(sessionEvents.every((e) => e.remote_address === '127.0.0.1')).toBe(true);
      expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
    });

    it('creates a bearer token shown once, accepts it, and refuses it after revocation', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('lan', [{ role: 'auditor' }]);
      const created = await api.call('POST', '/api/v1/users/me/tokens', { cookie }, { label: 'nightly' });
      expect(created.status).toBe(201);
      const issued = await readJson<{ id: string; token: string }>(created);
      expect(issued.token).toMatch(/^cangu_/);
      const listed = await readJson<{ items: unknown[] }>(
        await api.call('GET', '/api/v1/users/me/tokens', { cookie }),
      );
      expect(listed.items).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain(issued.token);

      const viaToken = await api.call('GET', '/api/v1/audit', { token: issued.token });
      expect(viaToken.status).toBe(200);
      const revoke = await api.call('DELETE', `/api/v1/users/me/tokens/${issued.id}`, {
        token: issued.token,
      });
      expect(revoke.status).toBe(204);
      const refused = await api.call('GET', '/api/v1/audit', { token: issued.token });
      await expectRefusal(refused, 401, 'unauthenticated');
      const unknown = await api.call('GET', '/api/v1/session', { token: 'cangu_not-a-token' });
      await expectRefusal(unknown, 401, 'unauthenticated');
    });

    it('lets a platform administrator create users and change roles, and refuses everyone else', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const orgAdmin = await api.sessionFor('lan', [{ role: 'org-admin', scope: 'VN-HP/GOV/SNV' }]);
      const body = {
        username: 'minh',
        displayName: 'Minh',
        password: TEST_PASSWORD,
        roles: [{ role: 'leader' }],
      };
      const harness = api;
      await expectNothingWritten(harness.store, ['users', 'user_roles'], async () => {
        const refused = await harness.call('POST', '/api/v1/users', { cookie: orgAdmin }, body);
        await expectRefusal(refused, 403, 'forbidden');
        await expectRefusal(
          await harness.call('GET', '/api/v1/users', { cookie: orgAdmin }),
          403,
          'forbidden',
        );
      });
      const created = await readJson<UserBody>(
        await api.call('POST', '/api/v1/users', { cookie: admin }, body),
      );
      const patched = await api.call(
        'PATCH',
        `/api/v1/users/${created.id}`,
        { cookie: admin },
        { roles: [{ role: 'auditor' }] },
      );
      expect(patched.status).toBe(200);
      expect((await readJson<UserBody>(patched)).roles).toEqual([{ role: 'auditor' }]);
      await expectNothingWritten(harness.store, ['users', 'user_roles', 'sessions'], async () => {
        const refusedPatch = await harness.call(
          'PATCH',
          `/api/v1/users/${created.id}`,
          { cookie: orgAdmin },
          { disabled: true },
        );
        await expectRefusal(refusedPatch, 403, 'forbidden');
      });
      const list = await readJson<{ items: UserBody[]; nextCursor: string | null }>(
        await api.call('GET', '/api/v1/users?limit=2', { cookie: admin }),
      );
      expect(list.items.map((u) => u.username)).toEqual(['boss', 'lan']);
      expect(list.nextCursor).toBe('lan');
      expect(JSON.stringify(list)).not.toContain('scrypt');
    });
  });
}
