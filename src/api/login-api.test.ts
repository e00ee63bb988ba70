import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { createCatalog } from '../catalog/index.js';
import {
  ADDRESS_THROTTLE,
  DEFAULT_API_TOKEN_TTL_MS,
  type DeriveKey,
  USER_THROTTLE,
} from '../identity/index.js';
import { countingDeriveKey } from '../identity/test-support/counting-derive-key.js';
import { createSteering } from '../steering/index.js';
import { describeAdminApi } from './describe-admin-api.js';
import { HSTS } from './security-headers.js';
import { type ApiHarness, readJson, startApi, TEST_PASSWORD } from './test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from './test-support/expect-refusal.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const WRONG = 'not the password at all';
const NEW_PASSWORD = 'một mật khẩu mới đủ dài';
const SYSTEM = { id: 'system:test', remoteAddress: null };

let api: ApiHarness | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const logIn = (
  harness: ApiHarness,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) => harness.call('POST', '/api/v1/session', {}, { username, password }, headers);

describe('logins over HTTP', () => {
  it('answers a throttled login with 429 login-throttled and Retry-After, sets no cookie and checks no password', async () => {
    const counting = countingDeriveKey();
    api = await startApi('sqlite', {
      identity: {
        deriveKey: counting.deriveKey,
        throttle: { user: { ...USER_THROTTLE, freeFailures: 1, lockoutAfter: 2 }, address: ADDRESS_THROTTLE },
      },
    });
    await api.addUser('lan', []);
    const harness = api;
    for (let guess = 0; guess < 2; guess += 1)
      await expectRefusal(await logIn(harness, 'lan', WRONG), 401, 'unauthenticated');
    await expectNothingWritten(harness.store, ['sessions', 'login_throttle'], async () => {
      const refused = await logIn(harness, 'lan', TEST_PASSWORD);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(refused.headers.getSetCookie()).toEqual([]);
      await expectRefusal(refused, 429, 'login-throttled');
    });
    // One hash made the user, two checked the wrong guesses; the refused login cost none.
    expect(counting.calls).toHaveLength(3);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it does not escape the address lockout', async () => {
    api = await startApi('sqlite', {
      identity: {
        throttle: { user: USER_THROTTLE, address: { ...ADDRESS_THROTTLE, freeFailures: 1, lockoutAfter: 2 } },
      },
    });
    const harness = api;
    for (const [index, username] of ['an', 'binh'].entries()) {
      const response = await logIn(harness, username, WRONG, {
        'x-forwarded-for': `198.51.100.${index + 1}`,
      });
      await expectRefusal(response, 401, 'unauthenticated');
    }
    const spoofed = await logIn(harness, 'chi', WRONG, { 'x-forwarded-for': '198.51.100.77' });
    await expectRefusal(spoofed, 429, 'login-throttled');
    const refusals = await harness.store.db
      .selectFrom('audit_events')
      .select(['resource', 'remote_address'])
      .where('action', '=', 'session.refuse')
      .orderBy('id')
      .execute();
    expect(refusals).toEqual([
      { resource: 'user/an', remote_address: '127.0.0.1' },
      { resource: 'user/binh', remote_address: '127.0.0.1' },
    ]);
    const rows = await harness.store.db.selectFrom('login_throttle').select('key').orderBy('key').execute();
    expect(rows.map((row) => row.key)).toEqual(['address:127.0.0.1', 'user:an', 'user:binh']);
  });

  it('ignores X-Forwarded-Proto from an untrusted peer: no Secure cookie, no HSTS', async () => {
    api = await startApi('sqlite');
    await api.addUser('lan', []);
    const response = await logIn(api, 'lan', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).not.toContain('Secure');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('behind a trusted proxy, records the client’s address, sets a Secure cookie and HSTS over TLS', async () => {
    api = await startApi('sqlite', { admin: { trustProxy: ['127.0.0.1'] } });
    await api.addUser('lan', []);
    const forwarded = { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' };
    const response = await logIn(api, 'lan', TEST_PASSWORD, forwarded);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toContain('Secure');
    expect(response.headers.get('strict-transport-security')).toBe(HSTS);
    await expectRefusal(await logIn(api, 'lan', WRONG, forwarded), 401, 'unauthenticated');
    const events = await api.store.db
      .selectFrom('audit_events')
      .select(['action', 'remote_address'])
      .where('action', 'like', 'session.%')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'session.create', remote_address: '198.51.100.7' },
      { action: 'session.refuse', remote_address: '198.51.100.7' },
    ]);
    const plain = await logIn(api, 'lan', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7' });
    expect(plain.headers.getSetCookie()[0]).not.toContain('Secure');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers 503 password-checks-busy with Retry-After when more logins arrive than it hashes or queues', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const held: DeriveKey = async () => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return Buffer.alloc(64);
    };
    api = await startApi('sqlite', {
      identity: { deriveKey: held, hashLimit: { concurrent: 1, waiting: 0 } },
    });
    const first = logIn(api, 'nobody', WRONG);
    await running;
    const second = await logIn(api, 'someone', WRONG);
    expect(second.headers.get('retry-after')).toBe('1');
    await expectRefusal(second, 503, 'password-checks-busy');
    release();
    await expectRefusal(await first, 401, 'unauthenticated');
  });
});

for (const dialect of DIALECTS) {
  describe(`API tokens and password changes on ${dialect}`, () => {
    it('refuses an API token creating an API token, and gives a session-made token the default expiry', async () => {
      api = await startApi(dialect);
      const cookie = await api.sessionFor('lan', [{ role: 'platform-admin' }]);
      const created = await api.call('POST', '/api/v1/users/me/tokens', { cookie }, { label: 'nightly' });
      expect(created.status).toBe(201);
      const issued = await readJson<{ token: string; createdAt: string; expiresAt: string }>(created);
      expect(Date.parse(issued.expiresAt) - Date.parse(issued.createdAt)).toBe(DEFAULT_API_TOKEN_TTL_MS);
      const harness = api;
      await expectNothingWritten(harness.store, ['api_tokens'], async () => {
        const minted = await harness.call(
          'POST',
          '/api/v1/users/me/tokens',
          { token: issued.token },
          { label: 'child', expiresAt: '2099-01-01T00:00:00Z' },
        );
        await expectRefusal(minted, 403, 'forbidden');
      });
    });

    it('kills a user’s API tokens when an administrator resets the password', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const lanId = await api.addUser('lan', [{ role: 'auditor' }]);
      const { token } = await api.identity.createApiToken(lanId, { label: 'sync' }, SYSTEM);
      expect((await api.call('GET', '/api/v1/audit', { token })).status).toBe(200);
      const reset = await api.call(
        'PATCH',
        `/api/v1/users/${lanId}`,
        { cookie: admin },
        { password: NEW_PASSWORD },
      );
      expect(reset.status).toBe(200);
      await expectRefusal(await api.call('GET', '/api/v1/audit', { token }), 401, 'unauthenticated');
      const listed = await api.identity.listApiTokens(lanId);
      expect(listed.every((t) => t.revokedAt !== null)).toBe(true);
    });

    it('makes a user whose password an administrator reset choose their own before anything else', async () => {
      api = await startApi(dialect);
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const lanId = await api.addUser('lan', [{ role: 'auditor' }]);
      await api.call('PATCH', `/api/v1/users/${lanId}`, { cookie: admin }, { password: NEW_PASSWORD });
      const cookie = await api.login('lan', NEW_PASSWORD);
      await expectRefusal(
        await api.call('GET', '/api/v1/audit', { cookie }),
        403,
        'password-change-required',
      );
      const changed = await api.call(
        'PUT',
        '/api/v1/users/me/password',
        { cookie },
        { currentPassword: NEW_PASSWORD, newPassword: `${NEW_PASSWORD} của riêng tôi` },
      );
      expect(changed.status).toBe(204);
      expect((await api.call('GET', '/api/v1/audit', { cookie })).status).toBe(200);
    });

    it('kills a user’s API tokens when they change their own password, keeping their session', async () => {
      api = await startApi(dialect);
      const lanId = await api.addUser('lan', [{ role: 'auditor' }]);
      const cookie = await api.login('lan');
      const { token } = await api.identity.createApiToken(lanId, { label: 'sync' }, SYSTEM);
      const changed = await api.call(
        'PUT',
        '/api/v1/users/me/password',
        { cookie },
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      );
      expect(changed.status).toBe(204);
      await expectRefusal(await api.call('GET', '/api/v1/audit', { token }), 401, 'unauthenticated');
      expect((await api.call('GET', '/api/v1/audit', { cookie })).status).toBe(200);
    });
  });
}

describe('a user who must change the password they were given', () => {
  /**
   * Every operation of the admin API a user can call, with a stand-in for each path parameter: not the
   * public ones, nor those only exchange nodes call (signed with a node key, no user behind them).
   */
  async function everyAuthenticatedOperation(): Promise<{ method: string; path: string }[]> {
    const document = await describeAdminApi();
    return Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
        .filter(([, operation]) => !JSON.stringify(operation.security ?? []).includes('"node"'))
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x') })),
    );
  }

  it('is refused every call but seeing the session, changing the password and logging out, by cookie or token', async () => {
    api = await startApi('sqlite', {
      parts: (store, registry) => ({
        steering: createSteering({ store }),
        catalog: createCatalog({ store, registry, subjectHashKeys: ['a subject hash key for tests'] }),
      }),
    });
    const user = await api.identity.createUser(
      {
        username: 'admin',
        displayName: 'Admin',
        password: TEST_PASSWORD,
        roles: [{ role: 'platform-admin' }],
        mustChangePassword: true,
      },
      SYSTEM,
    );
    const { token } = await api.identity.createApiToken(user.id, { label: 'made before' }, SYSTEM);
    const cookie = await api.login('admin');
    const session = await readJson<{ mustChangePassword: boolean }>(
      await api.call('GET', '/api/v1/session', { cookie }),
    );
    expect(session.mustChangePassword).toBe(true);

    const allowed = new Set([
      'GET /api/v1/session',
      'DELETE /api/v1/session',
      'PUT /api/v1/users/me/password',
    ]);
    const operations = (await everyAuthenticatedOperation()).filter(
      (op) => !allowed.has(`${op.method} ${op.path}`),
    );
    expect(operations.length).toBeGreaterThan(100);
    const harness = api;
    await expectNothingWritten(harness.store, ['users', 'api_tokens', 'organisations'], async () => {
      for (const { method, path } of operations) {
        const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
        for (const as of [{ cookie }, { token }]) {
          const response = await harness.call(method, path, as, body);
          expect(response.status, `${method} ${path}`).toBe(403);
          await expectRefusal(response, 403, 'password-change-required');
        }
      }
    });

    const changed = await api.call(
      'PUT',
      '/api/v1/users/me/password',
      { cookie },
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    );
    expect(changed.status).toBe(204);
    const after = await readJson<{ mustChangePassword: boolean }>(
      await api.call('GET', '/api/v1/session', { cookie }),
    );
    expect(after.mustChangePassword).toBe(false);
    expect((await api.call('GET', '/api/v1/users', { cookie })).status).toBe(200);
  });
});
