import { randomBytes, randomInt } from 'node:crypto';
import { sha256Base64url } from '../core/index.js';

/** Prefix of user API tokens, so a leaked one is recognisable by secret scanners. */
export const API_TOKEN_PREFIX = 'cangu_';

// No 0/O, 1/l/I: a generated password is read off a terminal and typed.
const READABLE = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new session token: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new API token: `cangu_` followed by 32 random bytes, base64url. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The digest under which a session or API token is stored; the token itself never is. */
export function tokenDigest(token: string): string {
  return sha256Base64url(token);
}

/** A random password of readable characters (20 by default: about 117 bits). */
export function generateReadablePassword(length = 20): string {
  let password = '';
  for (let i = 0; i < length; i += 1) password += READABLE[randomInt(READABLE.length)];
  return password;
}
