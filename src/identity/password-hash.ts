import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Shortest password accepted (NIST SP 800-63B favours length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted, so hashing cost stays bounded. */
export const MAX_PASSWORD_LENGTH = 1024;

/** The scrypt cost parameters of a hash (RFC 7914 §2). */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** One key derivation: the work a password check costs. Injected by tests to see that work done. */
export type DeriveKey = (password: string, salt: Buffer, cost: ScryptCost) => Promise<Buffer>;

/**
 * The cost of every new hash, and of the work spent on a username that does not exist: N=2^15, r=8, p=1
 * (RFC 7914 §2; OWASP's minimum for interactive logins).
 */
export const PASSWORD_COST: ScryptCost = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** scrypt from node:crypto. */
export const scryptDeriveKey: DeriveKey = (password, salt, { N, r, p }) => {
  // scrypt needs 128·N·r bytes; at N=2^15, r=8 that is exactly 32 MiB, Node's default maxmem, so raise it.
  const maxmem = 128 * N * r * 2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
};

/** Hashing and checking passwords, over one key derivation. */
export interface PasswordHasher {
  /** Hashes a password with scrypt; the result reads `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
  hash(password: string): Promise<string>;
  /** Checks a password against a stored hash in constant time; a malformed hash never matches. */
  verify(password: string, stored: string): Promise<boolean>;
  /**
   * Spends the work of checking a password at full cost, for a user who does not exist, so the time of
   * a login does not tell whether a username is taken.
   */
  spendOnUnknownUser(password: string): Promise<void>;
}

/** Builds the hasher; `deriveKey` is scrypt unless a test passes one that also records its calls. */
export function createPasswordHasher(deriveKey: DeriveKey = scryptDeriveKey): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await deriveKey(password, salt, PASSWORD_COST);
      const { N, r, p } = PASSWORD_COST;
      return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },

    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
      // Refuse parameters outside a sane range rather than let a tampered row exhaust memory.
      if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16))
        return false;
      const expected = Buffer.from(parts[5]!, 'base64url');
      if (expected.length !== KEY_BYTES) return false;
      const key = await deriveKey(password, Buffer.from(parts[4]!, 'base64url'), { N, r, p });
      return timingSafeEqual(key, expected);
    },

    async spendOnUnknownUser(password) {
      // The same derivation a real check runs, at the cost of a new hash, over a salt nobody holds.
      await deriveKey(password, randomBytes(SALT_BYTES), PASSWORD_COST);
    },
  };
}
