import type { Store } from '../store/index.js';
import { type ApiTokenCommands, createApiTokenCommands } from './api-token-commands.js';
import { createPasswordHasher, type DeriveKey } from './password-hash.js';
import { createSessionCommands, type SessionCommands } from './session-commands.js';
import { createUserCommands, type UserCommands } from './user-commands.js';

/** What identity needs: the store and, for tests, a clock and the password key derivation. */
export interface IdentityDeps {
  readonly store: Store;
  readonly now?: () => number;
  /** scrypt unless given; a test passes one that records the work each login costs. */
  readonly deriveKey?: DeriveKey;
}

/** Console users, roles, sessions and API tokens over the store. */
export interface Identity extends UserCommands, SessionCommands, ApiTokenCommands {}

/**
 * Builds identity. Every change is recorded in the audit trail in the same transaction;
 * passwords are hashed with scrypt, session and API tokens are stored as SHA-256 digests only.
 */
export function createIdentity(deps: IdentityDeps): Identity {
  const now = deps.now ?? Date.now;
  const passwords = createPasswordHasher(deps.deriveKey);
  return {
    ...createUserCommands(deps.store, now, passwords),
    ...createSessionCommands(deps.store, now, passwords),
    ...createApiTokenCommands(deps.store, now),
  };
}
