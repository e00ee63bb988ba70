import { beforeAll, describe, expect, it } from 'vitest';
import { CangError, canonicalJson, signData } from '../../core/index.js';
import {
  buildFederationConfiguration,
  buildFederationService,
  createTestInstance,
  type TestInstance,
} from '../test-support/federation-fixtures.js';
import { verifySignedFederationConfiguration } from '../../registry/index.js';

let national: TestInstance;
const now = Date.now();

beforeAll(async () => {
  national = await createTestInstance('VN');
});

function check(signed: unknown, heldVersion?: number) {
  return verifySignedFederationConfiguration(signed, national.publicKey, {
    partner: national.instance,
    audience: 'VN-HP',
    now,
    ...(heldVersion === undefined ? {} : { heldVersion }),
  });
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CangError);
    expect((error as CangError).code).toBe('partner-configuration-invalid');
    expect((error as CangError).status).toBe(503);
    return (error as CangError).message;
  }
  throw new Error('expected a refusal');
}

/** Signs any document with the partner's key, as a partner (or its attacker holding the key) could. */
function signedDocument(document: unknown) {
  const payload = canonicalJson(document);
  return { payload, signature: signData(national.registryKey, payload), keyId: national.keyId };
}

describe('a partner configuration as the exchange receives it', () => {
  it('returns the content of a good configuration, also at the version held', () => {
    const configuration = buildFederationConfiguration('VN', 'VN-HP', { version: 4 });
    expect(check(national.sign(configuration), 4)).toEqual(configuration);
  });

  it('refuses a malformed envelope, a bad signature and a payload that is not JSON', () => {
    expect(refusal(() => check(null))).toMatch(/malformed/);
    const good = national.sign(buildFederationConfiguration('VN', 'VN-HP'));
    expect(refusal(() => check({ ...good, signature: good.signature.replace(/^./, 'A') }))).toMatch(
      /does not verify/,
    );
    const notJson = {
      payload: 'not json',
      signature: signData(national.registryKey, 'not json'),
      keyId: 'k',
    };
    expect(refusal(() => check(notJson))).toMatch(/not JSON/);
  });

  it('refuses another format, a wrong shape, another instance or partner, and foreign services', () => {
    const base = buildFederationConfiguration('VN', 'VN-HP');
    expect(refusal(() => check(signedDocument({ ...base, format: 'cang-federation/9' })))).toMatch(
      /Unknown federation configuration format/,
    );
    expect(
      refusal(() => check(signedDocument({ ...base, nodes: [{ id: 'n', address: 'http://x' }] }))),
    ).toMatch(/malformed at \/nodes\/0/);
    expect(refusal(() => check(signedDocument({ ...base, instance: 'VN-HCM' })))).toMatch(/issued by VN-HCM/);
    expect(refusal(() => check(signedDocument({ ...base, partner: 'VN-HCM' })))).toMatch(/made for VN-HCM/);
    const foreign = buildFederationService({ id: 'VN-HCM/GOV/X/Y/z' });
    expect(refusal(() => check(signedDocument({ ...base, services: [foreign] })))).toMatch(
      /another instance/,
    );
  });

  it('refuses an expired configuration and an older version than the one held', () => {
    const expired = buildFederationConfiguration('VN', 'VN-HP', { expiresAt: now });
    expect(refusal(() => check(national.sign(expired)))).toMatch(/expired/);
    const older = buildFederationConfiguration('VN', 'VN-HP', { version: 2 });
    expect(refusal(() => check(national.sign(older), 3))).toMatch(/older than the version 3 held/);
  });
});
