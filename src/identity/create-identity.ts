import type { Store } from '../store/index.js';
import { type ApiTokenCommands, createApiTokenCommands } from './api-token-commands.js';
import { createSessionCommands, type SessionCommands } from './session-commands.js';
import { createUserCommands, type UserCommands } from './user-commands.js';

/** What identity needs: the store and, for tests, a clock. */
export interface IdentityDeps {
  readonly store: Store;
  readonly now?: () => number;
}

/** Console users, roles, sessions and API tokens over the store. */
export interface Identity extends UserCommands, SessionCommands, ApiTokenCommands {}

/**
 * Builds identity. Every change is recorded in the audit trail in the same transaction;
 * passwords are hashed with scrypt, session and API tokens are stored as SHA-256 digests only.
 */
export function createIdentity(deps: IdentityDeps): Identity {
  const now = deps.now ?? Date.now;
  return {
    ...createUserCommands(deps.store, now),
    ...createSessionCommands(deps.store, now),
    ...createApiTokenCommands(deps.store, now),
  };
}
