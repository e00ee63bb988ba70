import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, EXCHANGE_DEFAULTS, SAMPLE_PURPOSE, validateConfig } from '../src/core/index.js';
import { verifyLog } from '../src/exchange/index.js';
import { collectNodePublicKeys } from '../src/registry/index.js';
import {
  AN_LAO_ONE_STOP,
  readSampleTokens,
  SAMPLE_CIVIL_STATUS_SERVICE,
  SAMPLE_CLIENTS,
  SAMPLE_PEOPLE,
  SAMPLE_SERVICES,
  type SampleCallResult,
} from '../src/sample/index.js';
import { type RunningServer, startServer } from '../src/server.js';
import { waitUntil } from './support/wait-until.js';

function sampleConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return validateConfig({
    dataDir,
    role: 'all',
    host: '127.0.0.1',
    adminPort: 0,
    exchangePort: 0,
    publicUrl: 'http://localhost',
    instance: 'VN-HP',
    nodeId: 'hp-sample-1',
    logLevel: 'silent',
    seedSample: true,
    sampleProviderPort: 0,
    exchange: EXCHANGE_DEFAULTS,
    ...overrides,
  });
}

describe('a first start in sample mode', () => {
  let dataDir: string;
  let running: RunningServer;
  const trickled: SampleCallResult[] = [];
  let trickleArrived: Promise<void>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-'));
    let arrived: () => void = () => {};
    trickleArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    running = await startServer(sampleConfig(dataDir), {
      logger: pino({ level: 'silent' }),
      sampleTrickle: {
        everyMs: 50,
        onCall: (result) => {
          trickled.push(result);
          arrived();
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers the sample systems, services and grants, all marked as sample', async () => {
    const { registry } = running.platform;
    for (const service of SAMPLE_SERVICES) {
      expect(await registry.services.get(service.id)).toMatchObject({
        sample: true,
        baseUrl: `${running.sampleExchange!.providerUrl}${service.mount}`,
        hasOpenapi: true,
      });
    }
    for (const client of SAMPLE_CLIENTS) {
      expect(await registry.systems.get(client.id)).toMatchObject({ sample: true });
    }
    const grants = (await registry.grants.list()).items;
    expect(grants.every((grant) => grant.sample === true)).toBe(true);
    expect(grants.some((grant) => grant.quotaPerMinute !== null)).toBe(true);
    expect(grants.some((grant) => grant.expired)).toBe(true);
  });

  it('writes one token per sample client to a file only its owner reads, stored hashed', async () => {
    const file = running.sampleExchange!.tokensFile;
    expect(file).toBe(join(dataDir, 'sample-tokens.json'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const tokens = readSampleTokens(file);
    expect(tokens.map((token) => token.system)).toEqual(SAMPLE_CLIENTS.map((client) => client.id));
    const hashes = await running.platform.store.db.selectFrom('credentials').select('token_hash').execute();
    expect(hashes.map((row) => row.token_hash)).not.toContain(tokens[0]!.token);
  });

  it('made real calls through the exchange, served and refused, logged in a chain that verifies', async () => {
    const statuses = running.sampleExchange!.firstBatch.map((result) => `${result.status} ${result.error}`);
    expect(statuses).toContain('200 null');
    expect(statuses).toContain('404 null'); // the provider's own answer: no such household
    expect(statuses).toContain('403 access-denied'); // no grant, a path outside it, an expired grant
    expect(statuses).toContain('429 rate-limited'); // the quota
    expect(statuses.filter((status) => status === '403 access-denied')).toHaveLength(3);
    const entries = await running.platform.store.db
      .selectFrom('log_entries')
      .select(['purpose', 'subject_hash'])
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(statuses.length);
    expect(entries.every((entry) => entry.purpose === SAMPLE_PURPOSE)).toBe(true);
    expect(entries.some((entry) => entry.subject_hash !== null)).toBe(true);
    const verified = await verifyLog({
      store: running.platform.store,
      publicKeys: await collectNodePublicKeys(running.platform.registry.nodes),
    });
    expect(verified).toMatchObject({ ok: true });
  });

  it('keeps a trickle of sample calls going after the first batch', async () => {
    await trickleArrived;
    expect(trickled[0]!.status).toBe(200);
  });

  it('seeds the sample catalog over the sample exchange, its approved request calling through it', async () => {
    const { catalog, registry } = running.platform;
    const found = await catalog.search({ q: 'ho tich' });
    expect(found.items.length).toBeGreaterThanOrEqual(3);
    const services = (await catalog.search({ kind: 'service', limit: 100 })).items;
    expect(services).toHaveLength(SAMPLE_SERVICES.length);
    const { items } = await catalog.sharingRequests.list({ role: 'owner', limit: 200 }, 'all');
    expect(new Set(items.map((item) => item.state))).toEqual(
      new Set(['draft', 'submitted', 'changes-requested', 'approved', 'refused', 'revoked', 'expired']),
    );
    const approved = items.find((item) => item.state === 'approved')!;
    expect(approved).toMatchObject({ clientSystem: AN_LAO_ONE_STOP, sample: true });
    expect(await registry.grants.get(approved.grants[0]!)).toMatchObject({ sample: true });
    // Xã An Lão's system holds no other grant for civil status: the approval's grant lets it call.
    const token = readSampleTokens(running.sampleExchange!.tokensFile).find(
      (candidate) => candidate.system === AN_LAO_ONE_STOP,
    )!;
    const call = () =>
      fetch(`${running.exchangeUrl}/r1/${SAMPLE_CIVIL_STATUS_SERVICE}/births/${SAMPLE_PEOPLE.leMinhChau}`, {
        headers: { 'x-cang-client': token.system, authorization: `Bearer ${token.token}` },
      });
    await waitUntil(async () => (await call()).status === 200, 'the approved request’s grant is served');
  });

  it('answers the sample services to a caller holding a token from the file', async () => {
    const [token] = readSampleTokens(running.sampleExchange!.tokensFile);
    const response = await fetch(
      `${running.exchangeUrl}/r1/${SAMPLE_SERVICES[0]!.id}/households/HP-305-000123`,
      { headers: { 'x-cang-client': token!.system, authorization: `Bearer ${token!.token}` } },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ chuHo: 'Nguyễn Văn An' });
  });
});

describe('sample mode without the sample exchange', () => {
  it('seeds the sample catalog’s datasets only, with no data service and no request', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-no-exchange-'));
    const running = await startServer(sampleConfig(dataDir, { sampleExchange: false }), {
      logger: pino({ level: 'silent' }),
    });
    try {
      const { catalog } = running.platform;
      const found = await catalog.search({ q: 'ho tich' });
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.every((item) => item.kind === 'dataset')).toBe(true);
      const requests = await catalog.sharingRequests.list({ role: 'owner' }, 'all');
      expect(requests.items).toEqual([]);
    } finally {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('sample mode with the sample traffic switched off', () => {
  it('registers the sample exchange but makes no call', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-quiet-'));
    const running = await startServer(sampleConfig(dataDir, { sampleTraffic: false }), {
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(running.sampleExchange?.firstBatch).toEqual([]);
      expect(await running.platform.registry.systems.get(SAMPLE_CLIENTS[0]!.id)).toMatchObject({
        sample: true,
      });
      expect(await running.platform.store.db.selectFrom('log_entries').select('id').execute()).toEqual([]);
    } finally {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
