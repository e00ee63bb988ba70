import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPasswordHash } from './password-hash.js';

describe('password hashing', () => {
  it('stores scrypt parameters, salt and key, and verifies the same password', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(64);
    expect(await verifyPasswordHash('correct horse battery', stored)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPasswordHash('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so the same password hashes differently', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('never matches a malformed or tampered hash', async () => {
    expect(await verifyPasswordHash('anything at all', 'plain')).toBe(false);
    expect(await verifyPasswordHash('anything at all', 'scrypt$1073741824$8$1$c2FsdA$a2V5')).toBe(false);
  });

  it('checks against a dummy hash and answers false', async () => {
    expect(await verifyAgainstDummy('whatever password')).toBe(false);
  });
});
