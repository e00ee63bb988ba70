import type { AuditActor, Store } from '../store/index.js';
import {
  type ApiTokenCommands,
  createApiTokenCommands,
  DEFAULT_API_TOKEN_TTL_MS,
} from './api-token-commands.js';
import { DEFAULT_HASH_LIMIT, type HashLimit, limitHashes } from './hash-limit.js';
import {
  ADDRESS_THROTTLE,
  createLoginThrottle,
  type LoginThrottlePolicies,
  USER_THROTTLE,
} from './login-throttle.js';
import { createPasswordHasher, type DeriveKey, scryptDeriveKey } from './password-hash.js';
import { createSessionCommands, type SessionCommands } from './session-commands.js';
import { holdsSampleUsers, removeSampleUsers } from './remove-sample-users.js';
import { createUserCommands, type UserCommands } from './user-commands.js';

/** What identity needs: the store and, for tests, a clock and the password key derivation. */
export interface IdentityDeps {
  readonly store: Store;
  readonly now?: () => number;
  /** scrypt unless given; a test passes one that records the work each login costs. */
  readonly deriveKey?: DeriveKey;
  /** How many password hashes run at once and how many wait (DEFAULT_HASH_LIMIT unless given). */
  readonly hashLimit?: HashLimit;
  /** How failed logins slow down further ones, per username and per address. */
  readonly throttle?: LoginThrottlePolicies;
  /** The lifetime of an API token created without an expiry (90 days unless given). */
  readonly apiTokenTtlMs?: number;
}

/** Console users, roles, sessions and API tokens over the store. */
export interface Identity extends UserCommands, SessionCommands, ApiTokenCommands {
  /** Deletes the sample users with their roles, sessions and tokens; returns how many (`cang sample remove`). */
  removeSampleUsers(actor: AuditActor): Promise<number>;
  /** Whether any sample user is left. */
  holdsSampleUsers(): Promise<boolean>;
}

/**
 * Builds identity. Every change is recorded in the audit trail in the same transaction;
 * passwords are hashed with scrypt, at most a few at a time, and session and API tokens are stored as
 * SHA-256 digests only. Failed logins are counted in the store, so every admin node throttles alike.
 */
export function createIdentity(deps: IdentityDeps): Identity {
  const now = deps.now ?? Date.now;
  const passwords = createPasswordHasher(
    limitHashes(deps.deriveKey ?? scryptDeriveKey, deps.hashLimit ?? DEFAULT_HASH_LIMIT),
  );
  const throttle = createLoginThrottle(
    deps.store,
    deps.throttle ?? { user: USER_THROTTLE, address: ADDRESS_THROTTLE },
  );
  return {
    ...createUserCommands(deps.store, now, passwords, throttle),
    ...createSessionCommands(deps.store, now, passwords, throttle),
    ...createApiTokenCommands(deps.store, now, deps.apiTokenTtlMs ?? DEFAULT_API_TOKEN_TTL_MS),
    removeSampleUsers: (actor) => removeSampleUsers(deps.store, actor, now()),
    holdsSampleUsers: () => holdsSampleUsers(deps.store),
  };
}
