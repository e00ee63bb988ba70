import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Shortest password accepted (NIST SP 800-63B favours length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted, so hashing cost stays bounded. */
export const MAX_PASSWORD_LENGTH = 1024;

// scrypt cost: N=2^15, r=8, p=1 (RFC 7914 §2; OWASP's minimum for interactive logins).
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

function deriveKey(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; at N=2^15, r=8 that is exactly 32 MiB, Node's default maxmem, so raise it.
  const maxmem = 128 * N * r * 2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with scrypt; the result reads `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, COST.N, COST.r, COST.p);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPasswordHash(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Refuse parameters outside a sane range rather than let a tampered row exhaust memory.
  if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16))
    return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await deriveKey(password, Buffer.from(parts[4]!, 'base64url'), N, r, p);
  return timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for a user who does not exist, so the time of a
 * login does not tell whether a username is taken. Always resolves to false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPasswordHash(password, await dummyHash);
  return false;
}
