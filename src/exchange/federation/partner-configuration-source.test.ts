import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FederationConfiguration, SignedFederationConfiguration } from '../../registry/index.js';
import { createMemorySnapshotSource } from '../memory-snapshot-source.js';
import {
  buildFederationConfiguration,
  buildFederationService,
  buildSnapshotPartner,
  createTestInstance,
  type TestInstance,
  type TestNodeIdentity,
} from '../test-support/federation-fixtures.js';
import { buildSnapshot } from '../test-support/snapshot-factory.js';
import {
  createPartnerConfigurationSource,
  type PartnerConfigurationSource,
} from './partner-configuration-source.js';

const HOUR = 3_600_000;
let city: TestInstance; // us
let national: TestInstance; // the partner
let cityNode: TestNodeIdentity;
let nationalNode: TestNodeIdentity;
let dir: string;

/** What the partner's test server answers. */
let served: { signed: SignedFederationConfiguration; etag: string } | null = null;
const requests: { ifNoneMatch: string | undefined; peer: string }[] = [];
let server: Server;
let url: string;

function publish(overrides: Partial<FederationConfiguration>, signer: TestInstance = national): void {
  const signed = signer.sign(buildFederationConfiguration('VN', 'VN-HP', overrides));
  served = { signed, etag: `"e-${requests.length}-${Math.random()}"` };
}

async function startPartnerServer(identity: TestNodeIdentity, trusted: string): Promise<Server> {
  const https = createServer(
    {
      key: identity.privateKey,
      cert: identity.certificate,
      ca: trusted,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '';
      requests.push({ ifNoneMatch: req.headers['if-none-match'], peer: String(peer) });
      if (served === null) return void res.writeHead(503).end();
      if (req.headers['if-none-match'] === served.etag) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', etag: served.etag });
      res.end(JSON.stringify(served.signed));
    },
  );
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  return https;
}

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  city = await createTestInstance('VN-HP');
  national = await createTestInstance('VN');
  cityNode = await city.issueNode('hp-node-1');
  nationalNode = await national.issueNode('vn-node-1');
  dir = mkdtempSync(join(tmpdir(), 'cang-partner-config-'));
  server = await startPartnerServer(nationalNode, city.authority);
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/federation/v1/configuration`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const sources: PartnerConfigurationSource[] = [];
afterEach(async () => {
  for (const source of sources.splice(0)) await source.stop();
});

function snapshotsWith(urls: readonly string[], version = 1) {
  const snapshots = createMemorySnapshotSource();
  snapshots.set(
    buildSnapshot({ version, partners: [buildSnapshotPartner(national, { configurationUrls: urls })] }),
  );
  return snapshots;
}

function source(
  name: string,
  overrides: {
    snapshots?: ReturnType<typeof snapshotsWith>;
    now?: () => number;
    identity?: TestNodeIdentity;
  } = {},
) {
  const created = createPartnerConfigurationSource({
    instance: 'VN-HP',
    snapshots: overrides.snapshots ?? snapshotsWith([url]),
    identity: overrides.identity ?? cityNode,
    dir: join(dir, name),
    pollSeconds: 3600,
    fetchTimeoutMs: 5_000,
    ...(overrides.now === undefined ? {} : { now: overrides.now }),
  });
  sources.push(created);
  return created;
}

describe('createPartnerConfigurationSource', () => {
  it('fetches over mutual TLS, verifies, keeps the copy on disk (0600), then polls with If-None-Match', async () => {
    publish({ version: 3, services: [buildFederationService({ id: 'VN/GOV/BCA/CSDLQG-DC/tra-cuu' })] });
    const partners = source('fetch');
    await partners.start();
    expect(partners.current('VN')?.version).toBe(3);
    expect(partners.active('VN')?.services.has('VN/GOV/BCA/CSDLQG-DC/tra-cuu')).toBe(true);
    expect(requests.at(-1)).toEqual({ ifNoneMatch: undefined, peer: 'VN-HP/hp-node-1' });
    const file = join(dir, 'fetch', 'VN.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(served!.signed);
    const first = partners.status('VN')!;
    expect(first).toMatchObject({ instance: 'VN', version: 3, lastError: null });
    expect(first.expiresAt).toBeGreaterThan(Date.now());

    await partners.refresh('VN');
    expect(requests.at(-1)?.ifNoneMatch).toBe(served!.etag);
    expect(partners.current('VN')?.version).toBe(3);
    expect(partners.status('VN')?.lastError).toBeNull();
    expect(partners.status('VN-HCM')).toBeUndefined();
  });

  it('refuses a tampered copy, one signed by another key and one made for another instance, keeping the good one', async () => {
    publish({ version: 4 });
    const partners = source('tamper');
    await partners.start();
    const good = served!;
    served = {
      signed: { ...good.signed, payload: good.signed.payload.replace('"version":4', '"version":9') },
      etag: '"tampered"',
    };
    await partners.refresh('VN');
    expect(partners.status('VN')?.lastError).toMatch(/does not verify/);
    expect(partners.current('VN')?.version).toBe(4);

    publish({ version: 5 }, city); // signed by the wrong registry key
    await partners.refresh('VN');
    expect(partners.status('VN')?.lastError).toMatch(/does not verify/);

    served = {
      signed: national.sign(buildFederationConfiguration('VN', 'VN-HCM', { version: 6 })),
      etag: '"x"',
    };
    await partners.refresh('VN');
    expect(partners.status('VN')?.lastError).toMatch(/made for VN-HCM/);
    expect(partners.current('VN')?.version).toBe(4);
    // The copy on disk is still the good one.
    expect(JSON.parse(readFileSync(join(dir, 'tamper', 'VN.json'), 'utf8'))).toEqual(good.signed);
  });

  it('refuses an older version (rollback) and an expired copy; serves the one held until it expires', async () => {
    const expiresAt = Date.now() + HOUR;
    publish({ version: 8, expiresAt });
    let clock = Date.now();
    const partners = source('rollback', { now: () => clock });
    await partners.start();
    publish({ version: 7, expiresAt: expiresAt + HOUR });
    await partners.refresh('VN');
    expect(partners.status('VN')?.lastError).toMatch(/version 7, older than the version 8 held/);
    publish({ version: 9, expiresAt: clock - 1 });
    await partners.refresh('VN');
    expect(partners.status('VN')?.lastError).toMatch(/of VN expired at /);
    expect(partners.current('VN')?.version).toBe(8);

    served = null; // the partner cannot answer
    clock = expiresAt;
    expect(partners.current('VN')).toBeUndefined();
    expect(partners.status('VN')).toMatchObject({
      version: 8,
      lastError: expect.stringMatching(/^The configuration held has expired/),
    });
  });

  it('keeps serving the last good copy while the partner is down, and after a restart from disk', async () => {
    publish({ version: 11 });
    const first = source('restart');
    await first.start();
    await first.stop();

    const down = `https://127.0.0.1:${await closedPort()}/federation/v1/configuration`;
    const second = source('restart', { snapshots: snapshotsWith([down]) });
    await second.start();
    expect(second.current('VN')?.version).toBe(11);
    expect(second.status('VN')?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('refuses a tampered or expired copy on disk when it starts', async () => {
    publish({ version: 12 });
    const first = source('disk');
    await first.start();
    await first.stop();
    const file = join(dir, 'disk', 'VN.json');
    const signed = JSON.parse(readFileSync(file, 'utf8')) as SignedFederationConfiguration;
    writeFileSync(
      file,
      JSON.stringify({ ...signed, payload: signed.payload.replace('"VN-HP"', '"VN-HCM"') }),
    );
    const noUrl = snapshotsWith([]);
    const tampered = source('disk', { snapshots: noUrl });
    await tampered.start();
    expect(tampered.current('VN')).toBeUndefined();
    expect(tampered.status('VN')?.lastError).toMatch(/copy on disk is refused.*does not verify/);

    writeFileSync(file, JSON.stringify(signed));
    const later = source('disk', { snapshots: noUrl, now: () => Date.now() + 2 * HOUR });
    await later.start();
    expect(later.current('VN')).toBeUndefined();
    expect(later.status('VN')?.lastError).toMatch(/copy on disk is refused.*expired/);
  });

  it('refuses a server whose certificate does not chain to the partner, and is refused without a trusted identity', async () => {
    publish({ version: 13 });
    const stranger = await createTestInstance('VN');
    const impostor = await startPartnerServer(await stranger.issueNode('vn-node-1'), city.authority);
    try {
      const impostorUrl = `https://127.0.0.1:${(impostor.address() as AddressInfo).port}/federation/v1/configuration`;
      const partners = source('impostor', { snapshots: snapshotsWith([impostorUrl]) });
      await partners.start();
      expect(partners.current('VN')).toBeUndefined();
      expect(partners.status('VN')?.lastError).toMatch(/certificate|signature/i);
    } finally {
      impostor.closeAllConnections();
      await new Promise((resolve) => impostor.close(resolve));
    }
    const untrusted = source('untrusted', { identity: await national.issueNode('not-ours') });
    await untrusted.start();
    expect(untrusted.current('VN')).toBeUndefined();
    expect(untrusted.status('VN')?.lastError).not.toBeNull();
  });

  it('drops a partner the snapshot no longer names at once, and removes its copy from disk', async () => {
    publish({ version: 14 });
    const snapshots = snapshotsWith([url], 1);
    const partners = source('removed', { snapshots });
    await partners.start();
    expect(partners.current('VN')?.version).toBe(14);
    snapshots.set(buildSnapshot({ version: 2, partners: [] }));
    expect(partners.current('VN')).toBeUndefined();
    expect(partners.status('VN')).toBeUndefined();
    await partners.refresh();
    expect(existsSync(join(dir, 'removed', 'VN.json'))).toBe(false);
  });
});
