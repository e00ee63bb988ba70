/** identity: console users, roles, sessions, API tokens and the authorization rule table. */
export * from './actor.js';
export * from './authorization-rules.js';
export * from './authorize.js';
export * from './capabilities.js';
export * from './create-identity.js';
export * from './first-administrator.js';
export type * from './identity-types.js';
export { type DeriveKey, MIN_PASSWORD_LENGTH, type ScryptCost } from './password-hash.js';
export * from './roles.js';
export * from './sample-users.js';
export { API_TOKEN_PREFIX } from './secrets.js';
export { SESSION_TTL_MS } from './session-commands.js';
export { DEFAULT_API_TOKEN_TTL_MS } from './api-token-commands.js';
export { DEFAULT_HASH_LIMIT, type HashLimit } from './hash-limit.js';
export {
  ADDRESS_THROTTLE,
  type LoginThrottlePolicies,
  type ThrottlePolicy,
  USER_THROTTLE,
} from './login-throttle.js';
export { USER_PAGE } from './user-commands.js';
