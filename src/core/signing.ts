import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** An Ed25519 key pair, both halves as base64url of their DER encodings (PKCS#8, SPKI). */
export interface SigningKeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

/** Generates a new Ed25519 key pair. */
export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
  };
}

/** Loads a private key exported by `generateSigningKeyPair`. */
export function loadPrivateKey(encoded: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(encoded, 'base64url'), format: 'der', type: 'pkcs8' });
}

/** Loads a public key exported by `generateSigningKeyPair`. */
export function loadPublicKey(encoded: string): KeyObject {
  return createPublicKey({ key: Buffer.from(encoded, 'base64url'), format: 'der', type: 'spki' });
}

/** Signs data with Ed25519; the signature is base64url. */
export function signData(privateKey: KeyObject, data: string | Uint8Array): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data) : data, privateKey).toString('base64url');
}

/** Verifies an Ed25519 signature made by `signData`. Never throws on malformed input. */
export function verifySignature(publicKey: KeyObject, data: string | Uint8Array, signature: string): boolean {
  try {
    return verify(
      null,
      typeof data === 'string' ? Buffer.from(data) : data,
      publicKey,
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
