import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../core/index.js';
import type { ConfigSnapshot, SnapshotExternalPlatform } from '../registry/index.js';
import {
  type ExchangeHarness,
  listen,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import { type OAuth2Server, startOAuth2Server } from './test-support/oauth2-server.js';
import { buildGrant, buildService, buildSnapshot, CLIENT, SERVICE } from './test-support/snapshot-factory.js';

const KEY = randomBytes(32);
const PLATFORM_SYSTEM = 'VN-HP/GOV/NDXP/API';
const PLATFORM_SERVICE = `${PLATFORM_SYSTEM}/tra-cuu-dan-cu`;

let oauth: OAuth2Server;
/** The platform's API: answers only a live token of the authorisation server, and counts what it saw. */
let platform: TestProvider;
let harness: ExchangeHarness | undefined;

beforeAll(async () => {
  oauth = await startOAuth2Server();
  platform = await startProvider((request, res) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    void (token === undefined ? Promise.resolve(false) : oauth.accepts(token)).then((ok) => {
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { hoTen: 'Nguyễn Văn A' } : { error: 'invalid_token' }));
    });
  });
});
afterAll(async () => {
  await platform.close();
  await oauth.close();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function oauthPlatform(overrides: Partial<SnapshotExternalPlatform> = {}): SnapshotExternalPlatform {
  return {
    system: PLATFORM_SYSTEM,
    origin: new URL(platform.baseUrl).origin,
    kind: 'oauth2-client-credentials',
    tokenUrl: oauth.tokenUrl,
    clientId: oauth.clientId,
    scope: oauth.scope,
    header: null,
    sealedSecret: sealSecret(KEY, oauth.clientSecret, PLATFORM_SYSTEM),
    ...overrides,
  };
}

function platformSnapshot(external: SnapshotExternalPlatform, baseUrl = platform.baseUrl): ConfigSnapshot {
  return buildSnapshot({
    services: [buildService({ id: PLATFORM_SERVICE, baseUrl })],
    grants: [buildGrant({ service: PLATFORM_SERVICE })],
    externalPlatforms: [external],
  });
}

async function start(snapshot: ConfigSnapshot): Promise<ExchangeHarness> {
  harness = await startExchange(snapshot, {
    openPlatformSecret: (p) => openSecret(KEY, p.sealedSecret, p.system),
  });
  return harness;
}

const lastToken = () => /^Bearer (.+)$/.exec(platform.received.at(-1)?.headers.authorization ?? '')?.[1];

describe('external platforms with OAuth2 client credentials', () => {
  it('refuses a token endpoint that resolves to a link-local address, before the platform is called', async () => {
    const seen = platform.received.length;
    harness = await startExchange(
      platformSnapshot(oauthPlatform({ tokenUrl: 'http://metadata.attacker.example/oauth2/token' })),
      {
        openPlatformSecret: (p) => openSecret(KEY, p.sealedSecret, p.system),
        outbound: {
          allowLoopback: true,
          // Only the attacker's name is resolved here, and never by DNS.
          lookup: ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
            options.all
              ? callback(null, [{ address: '169.254.169.254', family: 4 }])
              : callback(null, '169.254.169.254', 4)) as never,
        },
      },
    );
    const refused = await harness.call('GET', `/r1/${PLATFORM_SERVICE}/cong-dan/001`);
    expect(refused.status).toBe(502);
    expect(refused.headers['x-cang-error']).toBe('provider-address-refused');
    expect(platform.received.length).toBe(seen);
  });

  it('gets a token from the real authorisation server once and uses it until it is refused', async () => {
    const exchange = await start(platformSnapshot(oauthPlatform()));
    const seen = platform.received.length;
    const first = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/cong-dan/001`);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ hoTen: 'Nguyễn Văn A' });
    const token = lastToken()!;
    expect(await oauth.accepts(token)).toBe(true);
    const second = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/cong-dan/002`);
    expect(second.status).toBe(200);
    expect(lastToken()).toBe(token);
    expect(platform.received.length - seen).toBe(2);
    // The consumer's own credential never reaches the platform; only the platform's token does.
    expect(platform.received.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
    expect(exchange.log.records.map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('fetches a new token once on a 401 and sends a call without a body again', async () => {
    const exchange = await start(platformSnapshot(oauthPlatform()));
    expect((await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`)).status).toBe(200);
    const revoked = lastToken()!;
    await oauth.revoke(revoked);
    const seen = platform.received.length;
    const answer = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/b`);
    expect(answer.status).toBe(200);
    expect(platform.received.length - seen).toBe(2);
    expect(lastToken()).not.toBe(revoked);
    // One log entry for the consumer's one call, with the answer it got.
    expect(exchange.log.records.map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('passes a 401 on for a call with a body, which cannot be replayed, and the next call has a new token', async () => {
    const exchange = await start(platformSnapshot(oauthPlatform()));
    expect((await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`)).status).toBe(200);
    const revoked = lastToken()!;
    await oauth.revoke(revoked);
    const refused = await exchange.call('POST', `/r1/${PLATFORM_SERVICE}/b`, {
      headers: { 'content-type': 'application/json' },
      body: '{"soDinhDanh":"001"}',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-cang-error']).toBeUndefined();
    const next = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/c`);
    expect(next.status).toBe(200);
    expect(lastToken()).not.toBe(revoked);
  });

  it('answers platform-auth-failed when the authorisation server refuses the client, and logs it', async () => {
    const wrong = oauthPlatform({ sealedSecret: sealSecret(KEY, 'not-the-secret', PLATFORM_SYSTEM) });
    const exchange = await start(platformSnapshot(wrong));
    const seen = platform.received.length;
    const answer = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`);
    expect(answer.status).toBe(502);
    expect(answer.headers['x-cang-error']).toBe('platform-auth-failed');
    expect(answer.json()).toMatchObject({
      code: 'platform-auth-failed',
      type: 'urn:cang:problem:platform-auth-failed',
    });
    expect(answer.body.toString()).not.toContain('not-the-secret');
    expect(platform.received.length).toBe(seen);
    expect(exchange.log.records.map((entry) => [entry.status, entry.errorCode])).toEqual([
      [502, 'platform-auth-failed'],
    ]);
  });

  it('answers platform-auth-failed without a secrets key on the node', async () => {
    harness = await startExchange(platformSnapshot(oauthPlatform()));
    const answer = await harness.call('GET', `/r1/${PLATFORM_SERVICE}/a`);
    expect(answer.status).toBe(502);
    expect(answer.headers['x-cang-error']).toBe('platform-auth-failed');
  });
});

describe('token endpoints that misbehave', () => {
  let endpoint: Server;
  let endpointOrigin: string;
  let behaviour: 'slow' | 'malformed' | 'not-bearer' | 'html' = 'slow';
  let requests = 0;

  beforeAll(async () => {
    endpoint = createServer((req, res) => {
      requests += 1;
      req.resume();
      if (behaviour === 'slow') return; // never answers; the call's timeout ends it
      res.writeHead(200, { 'content-type': behaviour === 'html' ? 'text/html' : 'application/json' });
      if (behaviour === 'malformed')
        res.end('{"access_token":"abc def\\r\\nX-Evil: 1","token_type":"Bearer"}');
      else if (behaviour === 'not-bearer')
        res.end('{"access_token":"abc","token_type":"mac","expires_in":60}');
      else res.end('<html>login</html>');
    });
    endpointOrigin = await listen(endpoint);
  });
  afterAll(async () => {
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
  });

  for (const [kind, status, code] of [
    ['slow', 504, 'provider-timeout'],
    ['malformed', 502, 'platform-auth-failed'],
    ['not-bearer', 502, 'platform-auth-failed'],
    ['html', 502, 'platform-auth-failed'],
  ] as const) {
    it(`refuses a ${kind} token answer with ${code} and never calls the platform`, async () => {
      behaviour = kind;
      const before = requests;
      const snapshot = platformSnapshot(oauthPlatform({ tokenUrl: `${endpointOrigin}/token` }));
      const timed = {
        ...snapshot,
        services: [buildService({ id: PLATFORM_SERVICE, baseUrl: platform.baseUrl, timeoutMs: 300 })],
      };
      const exchange = await start(timed);
      const seen = platform.received.length;
      const answer = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`);
      expect(answer.status).toBe(status);
      expect(answer.headers['x-cang-error']).toBe(code);
      expect(requests - before).toBe(1);
      expect(platform.received.length).toBe(seen);
      // Nothing cached: the next call asks the endpoint again.
      await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/b`);
      expect(requests - before).toBe(2);
    });
  }
});

describe('external platforms with an API key', () => {
  it("adds the key in its header, replacing the consumer's, and only for the platform's services", async () => {
    const other = await startProvider();
    const keyed = oauthPlatform({
      kind: 'api-key',
      tokenUrl: null,
      clientId: null,
      scope: null,
      header: 'X-API-Key',
      sealedSecret: sealSecret(KEY, 'api-key-of-the-city', PLATFORM_SYSTEM),
    });
    const snapshot = buildSnapshot({
      services: [
        buildService({ id: PLATFORM_SERVICE, baseUrl: other.baseUrl }),
        buildService({ baseUrl: other.baseUrl }),
      ],
      grants: [buildGrant({ service: PLATFORM_SERVICE }), buildGrant({ id: 'grant-2', service: SERVICE })],
      externalPlatforms: [{ ...keyed, origin: new URL(other.baseUrl).origin }],
    });
    const exchange = await start(snapshot);
    const answer = await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`, {
      headers: { 'x-api-key': 'forged' },
    });
    expect(answer.status).toBe(200);
    expect(other.received.at(-1)?.headers['x-api-key']).toBe('api-key-of-the-city');
    await exchange.call('GET', `/r1/${SERVICE}/a`);
    expect(other.received.at(-1)?.headers['x-api-key']).toBeUndefined();
    expect(other.received.at(-1)?.headers['x-cang-client']).toBe(CLIENT);
    await other.close();
  });

  it('sends no credential to a service the snapshot puts off the platform origin', async () => {
    const other = await startProvider();
    const snapshot = platformSnapshot(
      oauthPlatform({
        kind: 'api-key',
        header: 'X-API-Key',
        sealedSecret: sealSecret(KEY, 'k', PLATFORM_SYSTEM),
      }),
      other.baseUrl,
    );
    const exchange = await start(snapshot);
    expect((await exchange.call('GET', `/r1/${PLATFORM_SERVICE}/a`)).status).toBe(200);
    expect(other.received.at(-1)?.headers['x-api-key']).toBeUndefined();
    await other.close();
  });
});
