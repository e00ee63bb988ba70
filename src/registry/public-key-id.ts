import { loadPublicKey, sha256Base64url } from '../core/index.js';

/** Length of a key id: the first characters of the base64url SHA-256 of the SPKI DER. */
export const KEY_ID_LENGTH = 16;

/** The key id of a public key given as base64url SPKI DER. */
export function publicKeyId(publicKey: string): string {
  return sha256Base64url(Buffer.from(publicKey, 'base64url')).slice(0, KEY_ID_LENGTH);
}

/**
 * Loads a base64url SPKI public key and returns its canonical encoding if it is Ed25519, else null.
 * Canonical re-export makes the key id independent of how the caller spelled the key.
 */
export function canonicalEd25519PublicKey(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  try {
    const key = loadPublicKey(encoded);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ format: 'der', type: 'spki' }).toString('base64url');
  } catch {
    return null;
  }
}
