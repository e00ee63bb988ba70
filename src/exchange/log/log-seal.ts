import type { KeyObject } from 'node:crypto';
import { loadPublicKey, signData, verifySignature } from '../../core/index.js';

/** A signed chain head. */
export interface LogSeal {
  readonly nodeId: string;
  readonly seq: number;
  readonly headHash: string;
  readonly sealedAt: number;
  readonly keyId: string;
  readonly signature: string;
}

/**
 * The signed string of a seal: the JSON array `["cang-seal/1", nodeId, seq, headHash, sealedAt]`.
 * Verifiers must reproduce it exactly.
 */
export function canonicalSeal(seal: Pick<LogSeal, 'nodeId' | 'seq' | 'headHash' | 'sealedAt'>): string {
  return JSON.stringify(['cang-seal/1', seal.nodeId, seal.seq, seal.headHash, seal.sealedAt]);
}

/** Signs a chain head with the node's Ed25519 key. */
export function makeSeal(
  head: Pick<LogSeal, 'nodeId' | 'seq' | 'headHash' | 'sealedAt'>,
  signingKey: KeyObject,
  keyId: string,
): LogSeal {
  return { ...head, keyId, signature: signData(signingKey, canonicalSeal(head)) };
}

/** A public key given as a KeyObject or as base64url SPKI. */
export type PublicKeyInput = KeyObject | string;

/** Turns a key given either way into a KeyObject. */
export function toPublicKey(key: PublicKeyInput): KeyObject {
  return typeof key === 'string' ? loadPublicKey(key) : key;
}

/** Whether a seal's signature is valid under one of the given keys (looked up by key id). */
export function sealSignatureValid(seal: LogSeal, keys: ReadonlyMap<string, KeyObject>): boolean {
  const key = keys.get(seal.keyId);
  return key !== undefined && verifySignature(key, canonicalSeal(seal), seal.signature);
}
