import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  generateSigningKeyPair,
  loadPrivateKey,
  loadPublicKey,
  signData,
  verifySignature,
} from './signing.js';
import { uuidV7 } from './uuid-v7.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined and keeps Vietnamese text as is', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'Hải Phòng'], c: undefined, b: null } })).toBe(
      '{"a":{"b":null,"d":[1,"Hải Phòng"]},"b":1}',
    );
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('signing', () => {
  it('verifies its own signature and refuses a changed message or a foreign key', () => {
    const pair = generateSigningKeyPair();
    const other = generateSigningKeyPair();
    const signature = signData(loadPrivateKey(pair.privateKey), 'chuỗi');
    expect(verifySignature(loadPublicKey(pair.publicKey), 'chuỗi', signature)).toBe(true);
    expect(verifySignature(loadPublicKey(pair.publicKey), 'chuoi', signature)).toBe(false);
    expect(verifySignature(loadPublicKey(other.publicKey), 'chuỗi', signature)).toBe(false);
    expect(verifySignature(loadPublicKey(pair.publicKey), 'chuỗi', 'not-a-signature')).toBe(false);
  });
});

describe('uuidV7', () => {
  it('carries the time and version and sorts by creation time', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(Number.parseInt(a.replaceAll('-', '').slice(0, 12), 16)).toBe(1_700_000_000_000);
  });
});
