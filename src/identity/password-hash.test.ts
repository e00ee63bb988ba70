import { describe, expect, it } from 'vitest';
import { createPasswordHasher, PASSWORD_COST } from './password-hash.js';
import { countingDeriveKey } from './test-support/counting-derive-key.js';

const hasher = createPasswordHasher();

describe('password hashing', () => {
  it('stores scrypt parameters, salt and key, and verifies the same password', async () => {
    const stored = await hasher.hash('correct horse battery');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(64);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so the same password hashes differently', async () => {
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('never matches a malformed or tampered hash, and derives nothing for one', async () => {
    const counting = countingDeriveKey();
    const checked = createPasswordHasher(counting.deriveKey);
    expect(await checked.verify('anything at all', 'plain')).toBe(false);
    expect(await checked.verify('anything at all', 'scrypt$1073741824$8$1$c2FsdA$a2V5')).toBe(false);
    expect(counting.calls).toEqual([]);
  });

  it('checks a stored hash with the cost parameters written in it', async () => {
    const counting = countingDeriveKey();
    const checked = createPasswordHasher(counting.deriveKey);
    const cheap = await hasher.hash('correct horse battery');
    await checked.verify('correct horse battery', cheap.replace(`$${2 ** 15}$8$1$`, '$1024$8$1$'));
    expect(counting.calls).toEqual([{ N: 1024, r: 8, p: 1 }]);
  });

  it('spends one full-cost derivation on an unknown user, as a real check of a new hash costs', async () => {
    const counting = countingDeriveKey();
    const checked = createPasswordHasher(counting.deriveKey);
    const stored = await hasher.hash('correct horse battery');
    await checked.verify('not the password', stored);
    await checked.spendOnUnknownUser('not the password');
    expect(counting.calls).toEqual([PASSWORD_COST, PASSWORD_COST]);
    expect(PASSWORD_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
  });
});
