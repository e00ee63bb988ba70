import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, secretBoxKey } from './secret-box.js';

const key = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, and never shows the secret in the sealed text', () => {
    const sealed = sealSecret(key, 'client-secret-đặc-biệt', 'VN-HP/GOV/NDXP/API');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('client-secret');
    expect(openSecret(key, sealed, 'VN-HP/GOV/NDXP/API')).toBe('client-secret-đặc-biệt');
    expect(sealSecret(key, 'same', 'x')).not.toBe(sealSecret(key, 'same', 'x'));
  });

  it('refuses another key, another owner and a tampered text', () => {
    const sealed = sealSecret(key, 'secret', 'owner-a');
    expect(() => openSecret(randomBytes(32), sealed, 'owner-a')).toThrow(/does not open/);
    expect(() => openSecret(key, sealed, 'owner-b')).toThrow(/does not open/);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(key, `v1.${raw.toString('base64url')}`, 'owner-a')).toThrow(/does not open/);
    expect(() => openSecret(key, 'plain-text', 'owner-a')).toThrow(/malformed/);
  });

  it('takes only a 32-byte key', () => {
    expect(secretBoxKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
    expect(() => secretBoxKey(randomBytes(16).toString('base64url'))).toThrow(/32 bytes/);
  });
});
