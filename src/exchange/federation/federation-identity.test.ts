import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CangError } from '../../core/index.js';
import { createTestInstance } from '../test-support/federation-fixtures.js';
import { loadOrCreateFederationIdentity, readFederationIdentity } from './federation-identity.js';

const dir = mkdtempSync(join(tmpdir(), 'cang-federation-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the federation identity', () => {
  it('is made once from the registry key, issued by the authority made from it, and read again after', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const options = { dataDir: dir, instance: 'VN-HP', nodeId: 'hp-node-1', registryKey: privateKey };
    const first = await loadOrCreateFederationIdentity(options);
    const again = await loadOrCreateFederationIdentity(options);
    expect(again).toEqual(first);
    const certificate = new X509Certificate(first.certificate);
    expect(certificate.subject).toBe('CN=VN-HP/hp-node-1');
    const authority = new X509Certificate(readFileSync(join(dir, 'keys', 'authority.pem')));
    expect(certificate.checkIssued(authority) && certificate.verify(authority.publicKey)).toBe(true);
    expect(statSync(join(dir, 'keys', 'federation-hp-node-1.pem')).mode & 0o777).toBe(0o600);

    const other = generateKeyPairSync('ed25519').privateKey;
    await expect(loadOrCreateFederationIdentity({ ...options, registryKey: other })).rejects.toThrow(
      /not the authority of this registry key/,
    );
  });

  it('reads a file an administrator was given, and refuses one whose certificate is for another key', async () => {
    const instance = await createTestInstance('VN-HP');
    const issued = await instance.issueNode('hp-node-2');
    const good = join(dir, 'good.pem');
    writeFileSync(good, `${issued.privateKey}${issued.certificate}`);
    expect(readFederationIdentity(good).certificate.trim()).toBe(issued.certificate.trim());

    const stranger = await instance.issueNode('hp-node-3');
    const mixed = join(dir, 'mixed.pem');
    writeFileSync(mixed, `${stranger.privateKey}${issued.certificate}`);
    expect(() => readFederationIdentity(mixed)).toThrow(CangError);
    expect(() => readFederationIdentity(mixed)).toThrow(/not for its private key/);
    expect(() => readFederationIdentity(join(dir, 'missing.pem'))).toThrow(/cannot be read/);
    writeFileSync(join(dir, 'empty.pem'), 'nothing here');
    expect(() => readFederationIdentity(join(dir, 'empty.pem'))).toThrow(/needs a PEM private key/);
  });
});
