import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/support/wait-until.js';
import { uuidV7 } from '../../core/index.js';
import type { FederationNode } from '../../registry/index.js';
import type { CallResult } from '../test-support/exchange-harness.js';
import { startExchange, startProvider, type TestProvider } from '../test-support/exchange-harness.js';
import {
  buildFederationService,
  buildSnapshotPartner,
  createTestInstance,
} from '../test-support/federation-fixtures.js';
import {
  callFederationListener,
  type FederationPair,
  type FederationSide,
  NATIONAL_PROVIDER,
  NATIONAL_SERVICE,
  startFederationPair,
} from '../test-support/federation-harness.js';
import {
  buildGrant,
  buildService,
  buildSnapshot,
  CLIENT,
  OTHER_CLIENT,
  OTHER_TOKEN,
} from '../test-support/snapshot-factory.js';

const HOUR = 3_600_000;
const THIRD_INSTANCE_CLIENT = 'VN-HCM/GOV/000.00.00.H29/HTTT-MOTCUA';

/** A problem document as the refused caller sees it, naming the instance that refused. */
function expectRefusal(result: CallResult, status: number, code: string, instance: string): void {
  expect(result.status).toBe(status);
  expect(result.headers['x-cang-error']).toBe(code);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.headers['x-cang-instance']).toBe(instance);
  expect(result.json()).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
}

/** The one entry a side logged for the call, with the status and code it was refused with. */
async function loggedRefusal(side: FederationSide, result: CallResult, status: number, code: string) {
  const id = result.headers['x-cang-id'] as string;
  const entries = await side.entries(id);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ status, errorCode: code });
  return entries[0]!;
}

async function expectChainsVerify(pair: FederationPair): Promise<void> {
  expect(await pair.city.verify()).toMatchObject({ ok: true });
  expect(await pair.national.verify()).toMatchObject({ ok: true });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function realNode(pair: FederationPair): FederationNode {
  const { national } = pair;
  return {
    id: national.nodeId,
    address: national.federationOrigin,
    tlsFingerprints: [national.identity.fingerprint],
  };
}

describe('refused at home', () => {
  let pair: FederationPair;
  beforeAll(async () => {
    pair = await startFederationPair();
  });
  afterAll(async () => {
    await expectChainsVerify(pair);
    await pair.close();
  });

  it('refuses an instance that is not a partner with 404 partner-unknown', async () => {
    const result = await pair.city.call('GET', `/r1/${THIRD_INSTANCE_CLIENT}/tra-cuu/x`);
    expectRefusal(result, 404, 'partner-unknown', 'VN-HP');
    await loggedRefusal(pair.city, result, 404, 'partner-unknown');
  });

  it('refuses a system the outbound policy does not let out with 403 access-denied, never reaching the partner', async () => {
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`, {
      headers: { 'x-cang-client': OTHER_CLIENT, authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expectRefusal(result, 403, 'access-denied', 'VN-HP');
    await loggedRefusal(pair.city, result, 403, 'access-denied');
    expect(await pair.national.entries(result.headers['x-cang-id'] as string)).toHaveLength(0);
  });

  it("refuses a service the partner's configuration does not offer with 404 service-unknown", async () => {
    const result = await pair.city.call('GET', `/r1/${NATIONAL_PROVIDER}/khong-co/x`);
    expectRefusal(result, 404, 'service-unknown', 'VN-HP');
    await loggedRefusal(pair.city, result, 404, 'service-unknown');
  });

  it('refuses an ambiguous path with 400 bad-request before it leaves', async () => {
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/a/%2e%2e/b`);
    expectRefusal(result, 400, 'bad-request', 'VN-HP');
    await loggedRefusal(pair.city, result, 400, 'bad-request');
  });

  it("refuses a body over the offered service's limit with 413, declared or streamed", async () => {
    pair.national.publish({
      configuration: { services: [buildFederationService({ id: NATIONAL_SERVICE, maxBodyBytes: 1024 })] },
    });
    await pair.city.configurations.refresh('VN');
    const declared = await pair.city.call('POST', `/r1/${NATIONAL_SERVICE}/x`, {
      body: Buffer.alloc(2048, 1),
    });
    expectRefusal(declared, 413, 'payload-too-large', 'VN-HP');
    await loggedRefusal(pair.city, declared, 413, 'payload-too-large');
    expect(await pair.national.entries(declared.headers['x-cang-id'] as string)).toHaveLength(0);

    async function* chunks() {
      for (let i = 0; i < 4; i++) yield Buffer.alloc(512, i);
    }
    const streamed = await pair.city.call('POST', `/r1/${NATIONAL_SERVICE}/x`, { body: chunks() });
    expectRefusal(streamed, 413, 'payload-too-large', 'VN-HP');
    await loggedRefusal(pair.city, streamed, 413, 'payload-too-large');
  });

  it('answers 503 partner-configuration-invalid when the node does not federate', async () => {
    const national = await createTestInstance('VN');
    const local = await startExchange(
      buildSnapshot({ partners: [buildSnapshotPartner(national, { outboundClients: [CLIENT] })] }),
    );
    try {
      const result = await local.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
      expectRefusal(result, 503, 'partner-configuration-invalid', 'VN-HP');
      await local.log.waitFor(1);
      expect(local.log.records[0]).toMatchObject({ errorCode: 'partner-configuration-invalid' });
    } finally {
      await local.close();
    }
  });
});

describe('refused by the partner', () => {
  let pair: FederationPair;
  beforeAll(async () => {
    pair = await startFederationPair();
  });
  afterAll(async () => {
    await expectChainsVerify(pair);
    await pair.close();
  });

  it('passes on the refusal of a foreign system without a grant (also one revoked since) with 403 access-denied from VN', async () => {
    const allowed = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expect(allowed.status).toBe(200);
    pair.national.publish({ snapshot: { grants: [] } });
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 403, 'access-denied', 'VN');
    expect(result.headers['x-cang-remote-instance']).toBe('VN');
    const home = await loggedRefusal(pair.city, result, 403, 'access-denied');
    const far = await loggedRefusal(pair.national, result, 403, 'access-denied');
    expect(far.clientId).toBe(CLIENT);
    // The partner refused before reading the body, so only the home side could hash the request.
    expect(home.requestHash).toBe(result.headers['x-cang-request-hash']);
    expect(far.requestHash).toBeNull();
    pair.national.publish({
      snapshot: { grants: [buildGrant({ id: 'grant-national', client: CLIENT, service: NATIONAL_SERVICE })] },
    });
  });

  it("refuses a node whose key the partner's configuration does not name with 403 partner-not-trusted", async () => {
    // Directly: another node of the city, issued by its authority but not published.
    const unlisted = await pair.city.trust.issueNode('hp-node-9');
    const direct = await callFederationListener(
      pair.national.federationOrigin,
      unlisted,
      pair.national.trust.authority,
      {
        path: `/r1/${NATIONAL_SERVICE}/x`,
        headers: { 'x-cang-client': CLIENT, 'x-cang-id': uuidV7() },
      },
    );
    expectRefusal(direct, 403, 'partner-not-trusted', 'VN');
    expect(direct.headers['x-cang-node']).toBe('vn-node-1');
    const logged = await loggedRefusal(pair.national, direct, 403, 'partner-not-trusted');
    expect(logged.clientId).toBeNull();

    // Through the city's exchange, once the city's configuration names another key for its node.
    const node = pair.city.identity;
    pair.city.publish({
      configuration: {
        nodes: [
          {
            id: pair.city.nodeId,
            address: pair.city.federationOrigin,
            tlsFingerprints: [unlisted.fingerprint],
          },
        ],
      },
    });
    await pair.national.configurations.refresh('VN-HP');
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 403, 'partner-not-trusted', 'VN');
    await loggedRefusal(pair.city, result, 403, 'partner-not-trusted');
    await loggedRefusal(pair.national, result, 403, 'partner-not-trusted');
    pair.city.publish({
      configuration: {
        nodes: [
          { id: pair.city.nodeId, address: pair.city.federationOrigin, tlsFingerprints: [node.fingerprint] },
        ],
      },
    });
    await pair.national.configurations.refresh('VN-HP');
    expect((await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`)).status).toBe(200);
  });

  it('refuses a partner node calling for a client of a third instance, or of the partner itself, with 403 partner-not-trusted', async () => {
    for (const client of [THIRD_INSTANCE_CLIENT, NATIONAL_PROVIDER]) {
      const result = await callFederationListener(
        pair.national.federationOrigin,
        pair.city.identity,
        pair.national.trust.authority,
        { path: `/r1/${NATIONAL_SERVICE}/x`, headers: { 'x-cang-client': client, 'x-cang-id': uuidV7() } },
      );
      expectRefusal(result, 403, 'partner-not-trusted', 'VN');
      expect((await loggedRefusal(pair.national, result, 403, 'partner-not-trusted')).clientId).toBeNull();
    }
  });

  it('refuses a partner call without the transaction id of the calling side with 400 bad-request', async () => {
    const result = await callFederationListener(
      pair.national.federationOrigin,
      pair.city.identity,
      pair.national.trust.authority,
      { path: `/r1/${NATIONAL_SERVICE}/x`, headers: { 'x-cang-client': CLIENT, 'x-cang-id': 'not-a-uuid' } },
    );
    expectRefusal(result, 400, 'bad-request', 'VN');
    await loggedRefusal(pair.national, result, 400, 'bad-request');
  });

  it("passes on the partner's 413 when its own limit is lower than the one it published", async () => {
    pair.national.publish({
      snapshot: {
        services: [
          buildService({ id: NATIONAL_SERVICE, baseUrl: pair.provider.baseUrl, maxBodyBytes: 1024 }),
        ],
      },
    });
    const result = await pair.city.call('POST', `/r1/${NATIONAL_SERVICE}/x`, { body: Buffer.alloc(4096, 1) });
    expectRefusal(result, 413, 'payload-too-large', 'VN');
    await loggedRefusal(pair.city, result, 413, 'payload-too-large');
    await loggedRefusal(pair.national, result, 413, 'payload-too-large');
  });
});

describe('a partner whose configuration cannot be used', () => {
  let pair: FederationPair | undefined;
  let clock = Date.now();
  afterEach(async () => {
    if (pair !== undefined) await expectChainsVerify(pair);
    await pair?.close();
    pair = undefined;
    clock = Date.now();
  });

  async function start() {
    clock = Date.now();
    pair = await startFederationPair({ cityClock: () => clock });
    expect((await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`)).status).toBe(200);
    return pair;
  }

  async function expectUnusable(current: FederationPair, error: RegExp) {
    const result = await current.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 503, 'partner-configuration-invalid', 'VN-HP');
    await loggedRefusal(current.city, result, 503, 'partner-configuration-invalid');
    expect(current.city.configurations.status('VN')?.lastError).toMatch(error);
  }

  it('refuses calls with 503 partner-configuration-invalid once the configuration held has expired', async () => {
    const current = await start();
    clock = Date.now() + 2 * HOUR;
    await expectUnusable(current, /held has expired/);
  });

  it('refuses a tampered copy and serves the good one until it expires, then 503', async () => {
    const current = await start();
    current.national.publish({
      configuration: { expiresAt: Date.now() + 10 * HOUR },
      signed: (signed) => ({
        ...signed,
        payload: signed.payload.replace('Tra cứu công dân', 'Tra cứu khác'),
      }),
    });
    await current.city.configurations.refresh('VN');
    expect((await current.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`)).status).toBe(200);
    clock = Date.now() + 2 * HOUR;
    await expectUnusable(current, /does not verify/);
  });

  it('refuses a rolled-back copy and serves the good one until it expires, then 503', async () => {
    const current = await start();
    const held = current.city.configurations.current('VN')!.version;
    current.national.publish({ configuration: { version: held - 1, expiresAt: Date.now() + 10 * HOUR } });
    await current.city.configurations.refresh('VN');
    expect(current.city.configurations.current('VN')?.version).toBe(held);
    clock = Date.now() + 2 * HOUR;
    await expectUnusable(current, /older than the version \d+ held/);
  });
});

describe('a partner that is down, slow or resets connections', () => {
  let pair: FederationPair;
  let slowProvider: TestProvider;
  let release: () => void = () => {};
  const fakes: HttpsServer[] = [];
  beforeAll(async () => {
    pair = await startFederationPair();
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    slowProvider = await startProvider((_request, res) => {
      void gate.then(() => res.writeHead(200).end('{}'));
    });
  });
  afterAll(async () => {
    release();
    for (const fake of fakes) {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    }
    await expectChainsVerify(pair);
    await pair.close();
    await slowProvider.close();
  });

  /** A node of VN (its authority issued the key) that the configuration names at `address`. */
  async function publishNodes(nodes: FederationNode[]) {
    pair.national.publish({ configuration: { nodes } });
    await pair.city.configurations.refresh('VN');
  }

  async function startFakeNode(onRequest: (socket: import('node:net').Socket) => void) {
    const identity = await pair.national.trust.issueNode('vn-node-2');
    const seen: string[] = [];
    const fake = createHttpsServer({ key: identity.privateKey, cert: identity.certificate }, (req) => {
      seen.push(req.url ?? '');
      onRequest(req.socket);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakes.push(fake);
    return { identity, seen, address: `https://127.0.0.1:${(fake.address() as AddressInfo).port}` };
  }

  it('answers 502 partner-unreachable when no node of the partner answers', async () => {
    await publishNodes([
      {
        id: 'vn-node-1',
        address: `https://127.0.0.1:${await closedPort()}`,
        tlsFingerprints: realNode(pair).tlsFingerprints,
      },
    ]);
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 502, 'partner-unreachable', 'VN-HP');
    await loggedRefusal(pair.city, result, 502, 'partner-unreachable');
  });

  it('answers 502 partner-unreachable when the node resets the connection', async () => {
    const fake = await startFakeNode((socket) => socket.destroy());
    await publishNodes([
      { id: 'vn-node-2', address: fake.address, tlsFingerprints: [fake.identity.fingerprint] },
    ]);
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 502, 'partner-unreachable', 'VN-HP');
    await loggedRefusal(pair.city, result, 502, 'partner-unreachable');
    expect(fake.seen).toHaveLength(1);
  });

  it('answers 502 partner-unreachable to a node presenting a key the configuration does not name, sending it nothing', async () => {
    const fake = await startFakeNode((socket) => socket.destroy());
    await publishNodes([
      { id: 'vn-node-2', address: fake.address, tlsFingerprints: [pair.national.identity.fingerprint] },
    ]);
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 502, 'partner-unreachable', 'VN-HP');
    await loggedRefusal(pair.city, result, 502, 'partner-unreachable');
    expect(fake.seen).toHaveLength(0);
  });

  it("answers 504 partner-timeout when the partner does not answer within the service's timeout", async () => {
    pair.national.publish({
      snapshot: {
        services: [buildService({ id: NATIONAL_SERVICE, baseUrl: slowProvider.baseUrl, timeoutMs: 60_000 })],
      },
      configuration: { services: [buildFederationService({ id: NATIONAL_SERVICE, timeoutMs: 200 })] },
    });
    await publishNodes([realNode(pair)]);
    const result = await pair.city.call('GET', `/r1/${NATIONAL_SERVICE}/x`);
    expectRefusal(result, 504, 'partner-timeout', 'VN-HP');
    await loggedRefusal(pair.city, result, 504, 'partner-timeout');
    // The far side logs the call it could not answer once the city hung up (499).
    const id = result.headers['x-cang-id'] as string;
    await waitUntil(
      async () => (await pair.national.entries(id)).length === 1,
      'the partner logged the call',
    );
    expect((await pair.national.entries(id))[0]).toMatchObject({ status: 499 });
  });
});
