import { type DeriveKey, type ScryptCost, scryptDeriveKey } from '../password-hash.js';

/** The real scrypt derivation, recording the cost of every call, so a test sees the work a login did. */
export interface CountingDeriveKey {
  readonly deriveKey: DeriveKey;
  /** The cost of each derivation so far, oldest first. */
  readonly calls: ScryptCost[];
}

/** Wraps scrypt (not a stand-in: the key is the real one) and records each call's cost parameters. */
export function countingDeriveKey(): CountingDeriveKey {
  const calls: ScryptCost[] = [];
  return {
    calls,
    deriveKey: (password, salt, cost) => {
      calls.push({ N: cost.N, r: cost.r, p: cost.p });
      return scryptDeriveKey(password, salt, cost);
    },
  };
}
