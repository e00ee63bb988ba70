import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, loadPublicKey, publicKeyFingerprint } from '../core/index.js';
import {
  authorityCertificateFile,
  federationIdentityFile,
  issueFederationIdentity,
  loadOrCreateAuthorityCertificate,
  loadOrCreateFederationIdentity,
  readFederationIdentity,
  writeFederationIdentity,
} from './federation-key-files.js';
import { expectCangError } from './test-support/registry-fixtures.js';

describe('federation key files', () => {
  let dir: string;
  const registryKey = generateSigningKeyPair();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cang-federation-keys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the authority certificate from the registry key once, 0600, then loads the same one', async () => {
    const certificate = await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey);
    const file = authorityCertificateFile(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = new X509Certificate(certificate);
    expect(parsed.subject).toBe('CN=VN-HP');
    expect(parsed.ca).toBe(true);
    expect(parsed.verify(loadPublicKey(registryKey.publicKey))).toBe(true);
    expect(await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey)).toBe(certificate);
    expect(readFileSync(file, 'utf8')).toBe(certificate);
  });

  it('refuses a stored authority certificate of another key or another instance, and leaves it in place', async () => {
    const stored = await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey);
    const other = generateSigningKeyPair();
    const error = await expectCangError(loadOrCreateAuthorityCertificate(dir, 'VN-HP', other), 'internal');
    expect(error.message).toContain('public key');
    const renamed = await expectCangError(
      loadOrCreateAuthorityCertificate(dir, 'VN', registryKey),
      'internal',
    );
    expect(renamed.message).toContain('CN=VN');
    expect(readFileSync(authorityCertificateFile(dir), 'utf8')).toBe(stored);
  });

  it('creates a node identity issued by the authority once, 0600, named {instance}/{node}', async () => {
    const certificate = await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey);
    const authority = { registryKey, certificate };
    const identity = await loadOrCreateFederationIdentity(dir, 'VN-HP', 'hp-x1', authority, ['127.0.0.1']);
    const file = federationIdentityFile(dir, 'hp-x1');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(identity.name).toBe('VN-HP/hp-x1');
    expect(identity.tlsFingerprint).toBe(publicKeyFingerprint(identity.certificate));
    const parsed = new X509Certificate(identity.certificate);
    expect(parsed.verify(new X509Certificate(certificate).publicKey)).toBe(true);
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(await loadOrCreateFederationIdentity(dir, 'VN-HP', 'hp-x1', authority)).toEqual(identity);
    expect(readFederationIdentity(file)).toEqual(identity);
  });

  it('never overwrites an identity file and refuses one whose key is not its certificate’s', async () => {
    const certificate = await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey);
    const authority = { registryKey, certificate };
    const first = await issueFederationIdentity(authority, 'VN-HP', 'hp-x2');
    const second = await issueFederationIdentity(authority, 'VN-HP', 'hp-x2');
    const file = join(dir, 'out', 'hp-x2.pem');
    writeFederationIdentity(file, first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expectCangError(
      Promise.resolve().then(() => writeFederationIdentity(file, second)),
      'conflict',
    );
    expect(readFederationIdentity(file, certificate)).toEqual(first);

    const mixed = join(dir, 'mixed.pem');
    writeFileSync(mixed, `${first.privateKey}\n${second.certificate}\n`);
    const error = await expectCangError(
      Promise.resolve().then(() => readFederationIdentity(mixed)),
      'internal',
    );
    expect(error.message).toContain('does not belong to its private key');
    const keyOnly = join(dir, 'key-only.pem');
    writeFileSync(keyOnly, first.privateKey);
    await expectCangError(
      Promise.resolve().then(() => readFederationIdentity(keyOnly)),
      'internal',
    );
  });

  it('refuses an identity issued by another authority when the authority is given', async () => {
    const certificate = await loadOrCreateAuthorityCertificate(dir, 'VN-HP', registryKey);
    const elsewhere = mkdtempSync(join(tmpdir(), 'cang-federation-other-'));
    try {
      const otherKey = generateSigningKeyPair();
      const otherCertificate = await loadOrCreateAuthorityCertificate(elsewhere, 'VN-HP', otherKey);
      const foreign = await issueFederationIdentity(
        { registryKey: otherKey, certificate: otherCertificate },
        'VN-HP',
        'hp-x1',
      );
      const file = federationIdentityFile(dir, 'hp-x1');
      writeFederationIdentity(file, foreign);
      const error = await expectCangError(
        loadOrCreateFederationIdentity(dir, 'VN-HP', 'hp-x1', { registryKey, certificate }),
        'internal',
      );
      expect(error.message).toContain('not issued by the authority');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
