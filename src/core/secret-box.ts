import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CangError } from './cang-error.js';

/*
 * Secrets at rest (an external platform's client secret or API key): AES-256-GCM under a key from
 * configuration. The associated data binds a sealed secret to what it belongs to, so a ciphertext copied
 * onto another row does not open there.
 */

const PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key for sealing secrets: 32 bytes, given as base64url (what `loadOrCreateSecretKey` writes). */
export function secretBoxKey(encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64url');
  if (key.length !== 32) throw new CangError('internal', 'The secrets key must be 32 bytes, base64url');
  return key;
}

/** Seals a secret for storage; the result is ASCII, `v1.` followed by base64url(iv ‖ tag ‖ ciphertext). */
export function sealSecret(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a sealed secret; a wrong key, a tampered text or another owner is an `internal` error. */
export function openSecret(key: Buffer, sealed: string, boundTo: string): string {
  const raw = sealed.startsWith(PREFIX) ? Buffer.from(sealed.slice(PREFIX.length), 'base64url') : null;
  if (raw === null || raw.length < IV_BYTES + TAG_BYTES) {
    throw new CangError('internal', 'A sealed secret is malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch (cause) {
    throw new CangError('internal', 'A sealed secret does not open with the configured key', { cause });
  }
}
