import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'undici';
import type { SignedFederationConfiguration } from '../../registry/index.js';
import { createTestInstance } from '../test-support/federation-fixtures.js';
import {
  callFederationListener,
  type FederationPair,
  startFederationPair,
} from '../test-support/federation-harness.js';
import { buildSnapshot } from '../test-support/snapshot-factory.js';
import { CONFIGURATION_PATH } from './federation-listener.js';

let pair: FederationPair;

beforeAll(async () => {
  pair = await startFederationPair();
});
afterAll(() => pair.close());

/** The city's node fetching from the national listener, as the city's poller does. */
function fetchAsCity(headers: Record<string, string> = {}) {
  return callFederationListener(
    pair.national.federationOrigin,
    pair.city.identity,
    pair.national.trust.authority,
    {
      path: CONFIGURATION_PATH,
      headers,
    },
  );
}

describe('the federation listener', () => {
  it('answers a partner node the configuration made for its instance, with an ETag and 304', async () => {
    const first = await fetchAsCity();
    expect(first.status).toBe(200);
    expect(first.headers['x-cang-instance']).toBe('VN');
    expect(first.headers['x-cang-node']).toBe('vn-node-1');
    const signed = first.json() as SignedFederationConfiguration;
    expect(JSON.parse(signed.payload)).toMatchObject({ instance: 'VN', partner: 'VN-HP' });
    const etag = first.headers.etag as string;
    const again = await fetchAsCity({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it("refuses the handshake of a node no partner's authority issued", async () => {
    const stranger = await createTestInstance('VN-HCM');
    const node = await stranger.issueNode('hcm-node-1');
    await expect(
      callFederationListener(pair.national.federationOrigin, node, pair.national.trust.authority, {
        path: CONFIGURATION_PATH,
      }),
    ).rejects.toThrow(/certificate|socket|ECONNRESET|closed/i);
  });

  it('refuses an unknown route with 400 bad-request naming the instance and node', async () => {
    const result = await callFederationListener(
      pair.national.federationOrigin,
      pair.city.identity,
      pair.national.trust.authority,
      { path: '/federation/v1/other' },
    );
    expect(result.status).toBe(400);
    expect(result.headers['x-cang-error']).toBe('bad-request');
    expect(result.headers['x-cang-instance']).toBe('VN');
    expect(result.headers['x-cang-node']).toBe('vn-node-1');
  });

  it('follows the partner set: no partner, no handshake; a kept-alive connection of a removed partner is refused', async () => {
    const kept = new Client(pair.national.federationOrigin, {
      connect: {
        key: pair.city.identity.privateKey,
        cert: pair.city.identity.certificate,
        ca: pair.national.trust.authority,
        checkServerIdentity: () => undefined,
      },
    });
    try {
      const before = await kept.request({ path: CONFIGURATION_PATH, method: 'GET' });
      await before.body.dump();
      expect(before.statusCode).toBe(200);
      const held = pair.national.snapshots.current()!.snapshot;
      pair.national.snapshots.set(buildSnapshot({ ...held, version: held.version + 100, partners: [] }));

      const after = await kept.request({ path: CONFIGURATION_PATH, method: 'GET' });
      expect(after.statusCode).toBe(403);
      expect(after.headers['x-cang-error']).toBe('partner-not-trusted');
      await after.body.dump();
      await expect(fetchAsCity()).rejects.toThrow(/certificate|socket|ECONNRESET|closed/i);

      // The partner is trusted again: new handshakes succeed.
      pair.national.publish({});
      expect((await fetchAsCity()).status).toBe(200);
    } finally {
      await kept.close();
    }
  });
});
