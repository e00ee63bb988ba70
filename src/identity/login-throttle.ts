import { sql } from 'kysely';
import { CangError } from '../core/index.js';
import type { Store } from '../store/index.js';

/** How failed logins under one key slow down, then stop, further attempts. */
export interface ThrottlePolicy {
  /** Failures that cost no wait. */
  readonly freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  readonly firstDelayMs: number;
  /** From this many failures on, the key is locked out for `lockoutMs`. */
  readonly lockoutAfter: number;
  readonly lockoutMs: number;
  /** Failures are forgotten after this long without one. */
  readonly forgetAfterMs: number;
}

/** Against one username: 5 free tries, then 1, 2, 4, 8 s, then 15 minutes locked at the 10th failure. */
export const USER_THROTTLE: ThrottlePolicy = Object.freeze({
  freeFailures: 5,
  firstDelayMs: 1000,
  lockoutAfter: 10,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
});

/**
 * From one client address, across usernames: looser, since many people may share one address (an office
 * behind NAT), yet a guessing run over many usernames is locked out after 100 failures.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = Object.freeze({
  freeFailures: 20,
  firstDelayMs: 1000,
  lockoutAfter: 100,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
});

/** The throttling policies in force; tests pass smaller ones. */
export interface LoginThrottlePolicies {
  readonly user: ThrottlePolicy;
  readonly address: ThrottlePolicy;
}

/** Until when (Unix ms) a key with this many failures, the last at `at`, is blocked; 0 when it is not. */
export function blockedUntil(policy: ThrottlePolicy, failures: number, at: number): number {
  if (failures >= policy.lockoutAfter) return at + policy.lockoutMs;
  if (failures <= policy.freeFailures) return 0;
  const delay = policy.firstDelayMs * 2 ** (failures - policy.freeFailures - 1);
  return at + Math.min(delay, policy.lockoutMs);
}

/** One login attempt, counted before its password is checked. */
export interface LoginAttempt {
  /** The password was right: the username's failures are forgotten and the address's count given back. */
  succeeded(): Promise<void>;
}

/** Counts failed logins in the store, so that every admin node sees one count per username and address. */
export interface LoginThrottle {
  /**
   * Counts an attempt as failed before its password is checked, so that attempts sent at once cannot
   * all pass before the first failure is written; throws `login-throttled` (with Retry-After) without
   * counting when the username or the address must still wait.
   */
  begin(username: string, address: string | null, at: number): Promise<LoginAttempt>;
}

interface Counted {
  readonly key: string;
  readonly policy: ThrottlePolicy;
}

/** Builds the login throttle over the store's `login_throttle` table. */
export function createLoginThrottle(store: Store, policies: LoginThrottlePolicies): LoginThrottle {
  const { db } = store;

  return {
    async begin(username, address, at) {
      const counted: Counted[] = [{ key: `user:${username}`, policy: policies.user }];
      // A login from no known address (in-process) is throttled by its username only.
      if (address !== null) counted.push({ key: `address:${address}`, policy: policies.address });
      await db.transaction().execute(async (trx) => {
        let waitUntil = 0;
        for (const { key, policy } of counted) {
          // One statement that counts and checks at once: a blocked key is left as it is, and then
          // returns no row (the WHERE of ON CONFLICT … DO UPDATE, in both PostgreSQL and SQLite).
          const row = await trx
            .insertInto('login_throttle')
            .values({ key, failures: 1, last_failure_at: at, blocked_until: 0 })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({
                  failures: sql<number>`case when login_throttle.last_failure_at <= ${at - policy.forgetAfterMs} then 1 else login_throttle.failures + 1 end`,
                  last_failure_at: at,
                })
                .where('login_throttle.blocked_until', '<=', at),
            )
            .returning('failures')
            .executeTakeFirst();
          if (row === undefined) {
            const blocked = await trx
              .selectFrom('login_throttle')
              .select('blocked_until')
              .where('key', '=', key)
              .executeTakeFirstOrThrow();
            waitUntil = Math.max(waitUntil, Number(blocked.blocked_until));
            continue;
          }
          const until = blockedUntil(policy, Number(row.failures), at);
          if (until > 0)
            await trx
              .updateTable('login_throttle')
              .set({ blocked_until: until })
              .where('key', '=', key)
              .execute();
        }
        if (waitUntil > 0) throw throttled(waitUntil, at);
      });

      return {
        async succeeded() {
          await db.transaction().execute(async (trx) => {
            await trx.deleteFrom('login_throttle').where('key', '=', counted[0]!.key).execute();
            // Forgotten failures are swept here, so the table stays as small as the recent guessing.
            await trx
              .deleteFrom('login_throttle')
              .where(
                'last_failure_at',
                '<=',
                at - Math.max(policies.user.forgetAfterMs, policies.address.forgetAfterMs),
              )
              .where('blocked_until', '<=', at)
              .execute();
            const addressKey = counted[1];
            if (addressKey === undefined) return;
            // Give back the attempt counted for the address; its delay goes once it is within the free tries.
            await trx
              .updateTable('login_throttle')
              .set({
                failures: sql<number>`login_throttle.failures - 1`,
                blocked_until: sql<number>`case when login_throttle.failures - 1 <= ${addressKey.policy.freeFailures} then 0 else login_throttle.blocked_until end`,
              })
              .where('key', '=', addressKey.key)
              .where('failures', '>', 0)
              .execute();
          });
        },
      };
    },
  };
}

function throttled(until: number, at: number): CangError {
  const seconds = Math.max(1, Math.ceil((until - at) / 1000));
  return new CangError('login-throttled', `Too many failed logins; try again in ${seconds} s`, {
    headers: { 'retry-after': String(seconds) },
  });
}
