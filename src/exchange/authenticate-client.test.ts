import { describe, expect, it } from 'vitest';
import { CangError, sha256Base64url } from '../core/index.js';
import { indexSnapshot } from './active-config.js';
import { authenticateClient } from './authenticate-client.js';
import {
  buildSnapshot,
  CLIENT,
  CLIENT_TOKEN,
  OTHER_CLIENT,
  OTHER_TOKEN,
  tokenCredential,
} from './test-support/snapshot-factory.js';

const FINGERPRINT = 'ab'.repeat(32);
const config = indexSnapshot(
  buildSnapshot({
    credentials: [
      tokenCredential(CLIENT, CLIENT_TOKEN),
      tokenCredential(OTHER_CLIENT, OTHER_TOKEN),
      { ...tokenCredential(CLIENT, 'expired-token', 'c-exp'), expiresAt: 1 },
      { id: 'cert', system: CLIENT, tokenHash: null, certificateFingerprint: FINGERPRINT, expiresAt: null },
    ],
  }),
);

function attempt(
  client: string | undefined,
  authorization: string | undefined,
  fingerprint: string | null = null,
) {
  try {
    return authenticateClient(
      config,
      { client, authorization, certificateFingerprint: () => fingerprint },
      1_000,
    );
  } catch (error) {
    return error instanceof CangError ? error.code : 'not-cang';
  }
}

describe('authenticateClient', () => {
  it('accepts a token bound to the named system', () => {
    expect(attempt(CLIENT, `Bearer ${CLIENT_TOKEN}`)).toBe(CLIENT);
    expect(attempt(CLIENT, `bearer   ${CLIENT_TOKEN}`)).toBe(CLIENT);
  });

  it('accepts a registered certificate fingerprint when no token is sent', () => {
    expect(attempt(CLIENT, undefined, FINGERPRINT)).toBe(CLIENT);
    expect(attempt(OTHER_CLIENT, undefined, FINGERPRINT)).toBe('client-auth-failed');
  });

  it('refuses missing client, wrong, foreign and expired tokens with client-auth-failed', () => {
    expect(attempt(undefined, `Bearer ${CLIENT_TOKEN}`)).toBe('client-auth-failed');
    expect(attempt(CLIENT, 'Bearer wrong')).toBe('client-auth-failed');
    expect(attempt(CLIENT, `Bearer ${OTHER_TOKEN}`)).toBe('client-auth-failed');
    expect(attempt(OTHER_CLIENT, `Bearer ${CLIENT_TOKEN}`)).toBe('client-auth-failed');
    expect(attempt(CLIENT, 'Bearer expired-token')).toBe('client-auth-failed');
    expect(attempt(CLIENT, `Basic ${CLIENT_TOKEN}`)).toBe('client-auth-failed');
    expect(attempt(CLIENT, undefined)).toBe('client-auth-failed');
    expect(attempt('VN-HP/GOV/000/UNKNOWN', `Bearer ${CLIENT_TOKEN}`)).toBe('client-auth-failed');
  });

  it('refuses a malformed X-Cang-Client with bad-request', () => {
    expect(attempt('not/a/system/id/at/all', `Bearer ${CLIENT_TOKEN}`)).toBe('bad-request');
  });

  it('looks tokens up by their hash, as the registry stores them', () => {
    expect(config.tokens.has(`${CLIENT}\n${sha256Base64url(CLIENT_TOKEN)}`)).toBe(true);
  });
});
