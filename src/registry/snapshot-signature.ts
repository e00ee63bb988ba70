import type { KeyObject } from 'node:crypto';
import { CangError, canonicalJson, signData, verifySignature } from '../core/index.js';
import type { ConfigSnapshot, SignedSnapshot } from './snapshot.js';

/** Signs a snapshot as canonical JSON with the registry key. */
export function signSnapshot(snapshot: ConfigSnapshot, privateKey: KeyObject, keyId: string): SignedSnapshot {
  const payload = canonicalJson(snapshot);
  return { payload, signature: signData(privateKey, payload), keyId };
}

/**
 * Checks a published snapshot against the pinned registry key and its expiry, and returns its content.
 * Throws a CangError naming what is wrong; a snapshot that fails here must never be used.
 */
export function verifySignedSnapshot(
  signed: SignedSnapshot,
  publicKey: KeyObject,
  now = Date.now(),
): ConfigSnapshot {
  if (typeof signed?.payload !== 'string' || typeof signed.signature !== 'string') {
    throw new CangError('bad-request', 'The configuration snapshot is malformed');
  }
  if (!verifySignature(publicKey, signed.payload, signed.signature)) {
    throw new CangError('bad-request', 'The configuration snapshot signature does not verify');
  }
  const snapshot = JSON.parse(signed.payload) as ConfigSnapshot;
  if (snapshot.format !== 'cang-config/1') {
    throw new CangError('bad-request', `Unknown configuration snapshot format ${String(snapshot.format)}`);
  }
  if (snapshot.expiresAt <= now) {
    throw new CangError('bad-request', 'The configuration snapshot has expired');
  }
  return snapshot;
}
