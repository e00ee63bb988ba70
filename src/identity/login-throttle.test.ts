import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../test/support/dialects.js';
import { CangError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { createIdentity, type Identity } from './create-identity.js';
import { ADDRESS_THROTTLE, blockedUntil, type ThrottlePolicy, USER_THROTTLE } from './login-throttle.js';
import { countingDeriveKey } from './test-support/counting-derive-key.js';

const SYSTEM = { id: 'system:test', remoteAddress: null };
const PASSWORD = 'a long enough password';
const WRONG = 'not the password at all';
const ATTACKER = '203.0.113.9';

/** What a login attempt came to: a session, or the code it was refused with and its Retry-After. */
async function attempt(
  identity: Identity,
  username: string,
  password: string,
  address: string | null = ATTACKER,
): Promise<{ code: string; retryAfter?: string }> {
  try {
    await identity.login(username, password, address);
    return { code: 'ok' };
  } catch (error) {
    if (!(error instanceof CangError)) throw error;
    return {
      code: error.code,
      ...(error.headers?.['retry-after'] ? { retryAfter: error.headers['retry-after'] } : {}),
    };
  }
}

describe('throttling delays', () => {
  it('costs nothing for the free failures, then doubles, then locks out', () => {
    const at = 1_000_000;
    const policy: ThrottlePolicy = USER_THROTTLE;
    const waits = Array.from({ length: 11 }, (_, i) => {
      const until = blockedUntil(policy, i + 1, at);
      return until === 0 ? 0 : until - at;
    });
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 900_000, 900_000]);
  });
});

for (const dialect of DIALECTS) {
  describe(`login throttling on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    async function setUp(throttle = { user: USER_THROTTLE, address: ADDRESS_THROTTLE }) {
      store = await createTestStore(dialect);
      const clock = { now: Date.UTC(2026, 11, 3, 8, 0, 0) };
      const counting = countingDeriveKey();
      const identity = createIdentity({
        store,
        now: () => clock.now,
        deriveKey: counting.deriveKey,
        throttle,
      });
      await identity.createUser(
        { username: 'lan', displayName: 'Nguyễn Thị Lan', password: PASSWORD, roles: [] },
        SYSTEM,
      );
      counting.calls.length = 0;
      return { identity, clock, hashes: counting.calls, store };
    }

    it('locks out a guessing run against one user after 10 checked passwords, without hashing the rest', async () => {
      const { identity, clock, hashes } = await setUp();
      // 1. Ten wrong guesses, each waiting out the delay the last one earned, are all checked.
      for (let guess = 1; guess <= 10; guess += 1) {
        expect((await attempt(identity, 'lan', WRONG)).code, `guess ${guess}`).toBe('unauthenticated');
        clock.now += 8_000; // past every delay before the lockout
      }
      expect(hashes).toHaveLength(10);
      // 2. Locked: even the right password is refused with 429 and Retry-After, and costs no hash.
      const locked = await attempt(identity, 'lan', PASSWORD);
      expect(locked.code).toBe('login-throttled');
      expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60);
      expect(await attempt(identity, 'LAN ', PASSWORD, '198.51.100.1')).toMatchObject({
        code: 'login-throttled',
      });
      expect(hashes).toHaveLength(10);
      // 3. When the lockout has passed (by the injected clock), the right password logs in again.
      clock.now += USER_THROTTLE.lockoutMs;
      expect((await attempt(identity, 'lan', PASSWORD)).code).toBe('ok');
      expect(hashes).toHaveLength(11);
    });

    it('makes each failure past the free ones wait longer, and says how long', async () => {
      const { identity, clock, hashes } = await setUp();
      for (let guess = 1; guess <= 6; guess += 1) {
        expect((await attempt(identity, 'lan', WRONG)).code).toBe('unauthenticated');
      }
      // The sixth failure earned a one-second wait; the seventh guess, sent at once, is not checked.
      expect(await attempt(identity, 'lan', WRONG)).toEqual({ code: 'login-throttled', retryAfter: '1' });
      clock.now += 1000;
      expect((await attempt(identity, 'lan', WRONG)).code).toBe('unauthenticated');
      expect(await attempt(identity, 'lan', WRONG)).toEqual({ code: 'login-throttled', retryAfter: '2' });
      expect(hashes).toHaveLength(7);
    });

    it('counts guesses sent all at once before checking any, so a burst gets no more than the lockout allows', async () => {
      const { identity, hashes } = await setUp({
        user: { ...USER_THROTTLE, freeFailures: 3, lockoutAfter: 4 },
        address: ADDRESS_THROTTLE,
      });
      const results = await Promise.all(Array.from({ length: 12 }, () => attempt(identity, 'lan', WRONG)));
      expect(hashes.length).toBeLessThanOrEqual(4);
      expect(results.filter((r) => r.code === 'unauthenticated')).toHaveLength(hashes.length);
      expect(results.every((r) => ['unauthenticated', 'login-throttled'].includes(r.code))).toBe(true);
    });

    it('locks out one address guessing across many usernames, while other addresses still log in', async () => {
      const { identity, clock, hashes } = await setUp({
        user: USER_THROTTLE,
        address: { ...ADDRESS_THROTTLE, freeFailures: 2, lockoutAfter: 4 },
      });
      for (const username of ['an', 'binh', 'chi', 'dung']) {
        expect((await attempt(identity, username, WRONG)).code, username).toBe('unauthenticated');
        clock.now += 5_000;
      }
      expect((await attempt(identity, 'em', WRONG)).code).toBe('login-throttled');
      expect((await attempt(identity, 'lan', PASSWORD)).code).toBe('login-throttled');
      expect(hashes).toHaveLength(4);
      expect((await attempt(identity, 'lan', PASSWORD, '198.51.100.1')).code).toBe('ok');
    });

    it('holds the count across two admin nodes on one store', async () => {
      const { identity, clock, store: shared } = await setUp();
      const otherNode = createIdentity({ store: shared, now: () => clock.now });
      for (let guess = 1; guess <= 5; guess += 1) await attempt(identity, 'lan', WRONG);
      for (let guess = 6; guess <= 10; guess += 1) {
        expect((await attempt(otherNode, 'lan', WRONG)).code).toBe('unauthenticated');
        clock.now += 8_000;
      }
      expect((await attempt(identity, 'lan', PASSWORD)).code).toBe('login-throttled');
    });

    it('forgets a user’s failures at a successful login, and audits each failure with who and where, never the password', async () => {
      const { identity, store: db } = await setUp();
      for (let guess = 1; guess <= 5; guess += 1) await attempt(identity, 'lan', WRONG);
      expect((await attempt(identity, 'lan', PASSWORD)).code).toBe('ok');
      const rows = await db.db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', '=', 'user:lan')
        .execute();
      expect(rows).toEqual([]);
      const refusals = await db.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'session.refuse')
        .execute();
      expect(refusals).toHaveLength(5);
      expect(refusals[0]).toMatchObject({
        actor: 'anonymous',
        resource: 'user/lan',
        remote_address: ATTACKER,
      });
      expect(JSON.stringify(refusals)).not.toContain(WRONG);
    });

    it('throttles guesses of the current password through a password change like logins', async () => {
      const { identity, clock } = await setUp();
      const user = (await identity.listUsers()).items[0]!;
      const actor = { id: user.id, remoteAddress: ATTACKER };
      const codes: string[] = [];
      for (let guess = 1; guess <= 11; guess += 1) {
        try {
          await identity.changePassword(user.id, WRONG, 'a brand new password', actor);
        } catch (error) {
          codes.push((error as CangError).code);
        }
        clock.now += 8_000;
      }
      expect(codes.slice(0, 10).every((c) => c === 'validation-failed')).toBe(true);
      expect(codes[10]).toBe('login-throttled');
    });
  });
}
