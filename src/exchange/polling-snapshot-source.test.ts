import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, loadPrivateKey } from '../core/index.js';
import { type SignedSnapshot, signSnapshot } from '../registry/index.js';
import { createMemorySnapshotSource } from './memory-snapshot-source.js';
import { createPollingSnapshotSource } from './polling-snapshot-source.js';
import { listen } from './test-support/exchange-harness.js';
import { buildSnapshot } from './test-support/snapshot-factory.js';

const registryKey = generateSigningKeyPair();
const strangerKey = generateSigningKeyPair();
const dir = mkdtempSync(join(tmpdir(), 'cang-poll-'));
let published: { signed: SignedSnapshot; etag: string } | null = null;
const seen: (string | undefined)[] = [];
let server: Server;
let url: string;

function publish(version: number, key = registryKey, expiresAt = Date.now() + 3_600_000): void {
  const signed = signSnapshot(buildSnapshot({ version, expiresAt }), loadPrivateKey(key.privateKey), 'k1');
  published = { signed, etag: `"v${version}-${key === registryKey ? 'r' : 's'}"` };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers['if-none-match']);
    if (published === null) {
      res.writeHead(503).end();
    } else if (req.headers['if-none-match'] === published.etag) {
      res.writeHead(304, { etag: published.etag }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json', etag: published.etag });
      res.end(JSON.stringify(published.signed));
    }
  });
  url = `${await listen(server)}/api/v1/config/snapshot`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function poller(cacheFile: string, now?: () => number) {
  return createPollingSnapshotSource({
    url,
    publicKey: registryKey.publicKey,
    cacheFile,
    pollSeconds: 3600,
    ...(now === undefined ? {} : { now }),
  });
}

describe('createPollingSnapshotSource', () => {
  it('fetches, verifies and caches the snapshot, then polls with If-None-Match', async () => {
    const cacheFile = join(dir, 'a.json');
    publish(1);
    const source = poller(cacheFile);
    await source.start();
    expect(source.current()?.version).toBe(1);
    expect(existsSync(cacheFile)).toBe(true);
    expect(await source.refresh()).toBe(false);
    expect(seen.at(-1)).toBe('"v1-r"');
    publish(2);
    expect(await source.refresh()).toBe(true);
    expect(source.current()?.version).toBe(2);
    source.stop();
  });

  it('refuses a snapshot signed by another key and an older version, keeping the one held', async () => {
    const source = poller(join(dir, 'b.json'));
    publish(5);
    await source.start();
    publish(6, strangerKey);
    expect(await source.refresh()).toBe(false);
    publish(4);
    expect(await source.refresh()).toBe(false);
    expect(source.current()?.version).toBe(5);
    source.stop();
  });

  it('starts from the cached snapshot while the registry is away, until it expires', async () => {
    const cacheFile = join(dir, 'c.json');
    const expiresAt = Date.now() + 60_000;
    publish(7, registryKey, expiresAt);
    const first = poller(cacheFile);
    await first.start();
    first.stop();
    published = null; // the registry is down
    let clock = Date.now();
    const second = poller(cacheFile, () => clock);
    await second.start();
    expect(second.current()?.version).toBe(7);
    clock = expiresAt;
    expect(second.current()).toBeUndefined();
    second.stop();
  });
});

describe('createMemorySnapshotSource', () => {
  it('serves the snapshot set in memory until it expires', () => {
    let clock = 1_000;
    const source = createMemorySnapshotSource(() => clock);
    expect(source.current()).toBeUndefined();
    source.set(buildSnapshot({ version: 3, expiresAt: 2_000 }));
    expect(source.current()?.version).toBe(3);
    clock = 2_000;
    expect(source.current()).toBeUndefined();
  });

  it('keeps the newer version when an older one is set after it, and takes the same version re-signed', () => {
    const source = createMemorySnapshotSource(() => 1_000);
    source.set(buildSnapshot({ version: 5, expiresAt: 2_000 }));
    source.set(buildSnapshot({ version: 4, expiresAt: 3_000 }));
    expect(source.current()).toMatchObject({ version: 5, expiresAt: 2_000 });
    source.set(buildSnapshot({ version: 5, expiresAt: 4_000 }));
    expect(source.current()).toMatchObject({ version: 5, expiresAt: 4_000 });
  });
});
