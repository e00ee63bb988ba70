import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  loadPrivateKey,
  loadPublicKey,
  signData,
  verifySignature,
} from '../core/index.js';
import { loadOrCreateKeyPair, loadOrCreatePlatformKeys } from './key-files.js';
import { publicKeyId } from './public-key-id.js';
import { expectCangError } from './test-support/registry-fixtures.js';

describe('key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cang-keys-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a key pair readable only by its owner, then loads the same one', () => {
    const file = join(dir, 'keys', 'registry-key.json');
    const created = loadOrCreateKeyPair(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyPair(file)).toEqual(created);
    const signature = signData(loadPrivateKey(created.privateKey), 'cảng');
    expect(verifySignature(loadPublicKey(created.publicKey), 'cảng', signature)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(created);
  });

  it('refuses a file that is not a matching Ed25519 key pair', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"privateKey": "x"}');
    await expectCangError(
      Promise.resolve().then(() => loadOrCreateKeyPair(file)),
      'internal',
    );
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    writeFileSync(file, JSON.stringify({ privateKey: a.privateKey, publicKey: b.publicKey }));
    await expectCangError(
      Promise.resolve().then(() => loadOrCreateKeyPair(file)),
      'internal',
    );
  });

  it('creates the platform keys under keys/ once, each readable only by its owner', () => {
    const keys = loadOrCreatePlatformKeys(dir, 'hp-x1');
    for (const name of ['registry.json', 'node-hp-x1.json', 'subject-hash.key', 'secrets.key']) {
      expect(statSync(join(dir, 'keys', name)).mode & 0o777).toBe(0o600);
    }
    expect(keys.registryKey.id).toBe(publicKeyId(keys.registryKey.publicKey));
    expect(keys.nodeKey.id).toBe(publicKeyId(keys.nodeKey.publicKey));
    expect(keys.nodeKey.id).not.toBe(keys.registryKey.id);
    expect(Buffer.from(keys.subjectHashKey, 'base64url')).toHaveLength(32);
    expect(Buffer.from(keys.secretsKey, 'base64url')).toHaveLength(32);
    expect(keys.secretsKey).not.toBe(keys.subjectHashKey);
    expect(loadOrCreatePlatformKeys(dir, 'hp-x1')).toEqual(keys);
  });

  it('takes configured subject-hash and secrets keys instead of creating files', () => {
    const secretsKey = Buffer.alloc(32, 7).toString('base64url');
    const keys = loadOrCreatePlatformKeys(dir, 'hp-x1', {
      subjectHashKey: 'configured-subject-key',
      secretsKey,
    });
    expect(keys.subjectHashKey).toBe('configured-subject-key');
    expect(keys.secretsKey).toBe(secretsKey);
    expect(() => statSync(join(dir, 'keys', 'subject-hash.key'))).toThrow();
    expect(() => statSync(join(dir, 'keys', 'secrets.key'))).toThrow();
  });
});
