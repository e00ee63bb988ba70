import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from './support/dialects.js';

import { EXCHANGE_DEFAULTS, validateConfig } from '../src/core/index.js';
import { seedSampleUsers } from '../src/identity/index.js';
import { openPlatform, type Platform, startServer } from '../src/server.js';
import { SAMPLE_COMMUNE_REPORTERS, seedSteeringReference } from '../src/steering/index.js';
import {
  removeSampleData,
  type SampleRemovalStep,
  sampleDataPresence,
  sampleRemovedAt,
  sampleTokensFile,
  seedSample,
  seedSampleCatalog,
  writeSampleTokens,
} from '../src/sample/index.js';
import { seedSampleExchange } from '../src/sample/seed-sample-exchange.js';

const ACTOR = { id: 'system:platform', remoteAddress: null };
const OPERATOR = { id: 'cli:operator', remoteAddress: 'local' };

for (const dialect of DIALECTS) {
  describe(`removing the sample data of every part on ${dialect}`, () => {
    let dataDir = '';
    let config: ReturnType<typeof validateConfig>;
    let platform: Platform;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-remove-'));
      config = validateConfig({
        dataDir,
        ...(dialect === 'postgres' ? { databaseUrl: await createPostgresDatabase() } : {}),
        role: 'all',
        host: '127.0.0.1',
        adminPort: 0,
        exchangePort: 0,
        publicUrl: 'http://localhost',
        instance: 'VN-HP',
        nodeId: 'hp-remove-1',
        logLevel: 'silent',
        seedSample: true,
        sampleProviderPort: 0,
        sampleTraffic: false,
        exchange: EXCHANGE_DEFAULTS,
      });
      platform = await openPlatform(config);
      // What a start loads first, on every install; the sample builds on it.
      await seedSteeringReference(platform.steering, ACTOR);
      await seedSample(platform, ACTOR);
      await seedSampleUsers(platform.identity, SAMPLE_COMMUNE_REPORTERS, ACTOR);
      const tokens = await seedSampleExchange(platform.registry, ACTOR, 'http://127.0.0.1:9', Date.now());
      writeSampleTokens(sampleTokensFile(dataDir), tokens);
      await seedSampleCatalog(platform, ACTOR, 'http://127.0.0.1:8081');
    }, 120_000);
    afterAll(async () => {
      await platform?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('removes every part’s sample, keeps organisations, reference data and real rows, and deletes nothing twice', async () => {
      const { registry, catalog, identity, steering } = platform;
      const presence = sampleDataPresence(platform);
      expect(await presence()).toBe(true);
      expect(await catalog.holdsSample()).toBe(true);
      expect(await identity.holdsSampleUsers()).toBe(true);
      expect(await registry.holdsSample()).toBe(true);
      const organisations = (await registry.organisations.list()).items.length;
      const reference = async () => ({
        units: (await steering.units.list('2026-01-01')).length,
        methods: (await steering.dti.list()).length,
        published: await steering.dti.published(),
      });
      const referenceBefore = await reference();
      expect(referenceBefore.units).toBeGreaterThan(114);
      expect(referenceBefore.methods).toBe(2);
      expect(referenceBefore.published.length).toBeGreaterThan(0);
      // A real system of a sample organisation, with its credential.
      const real = await registry.systems.create(OPERATOR, 'VN-HP/GOV/STP', {
        code: 'HTTT-THAT',
        name: 'Hệ thống thật',
      });
      await registry.credentials.issueToken(OPERATOR, real.id, {});

      const steps: SampleRemovalStep[] = [];
      const removal = await removeSampleData({ ...platform, dataDir }, OPERATOR, (step) => steps.push(step));
      expect(steps).toEqual(['catalog', 'steering', 'users', 'registry', 'tokens-file']);
      expect(removal.catalog.entries).toBeGreaterThan(0);
      expect(removal.steering.tasks).toBeGreaterThan(0);
      expect(removal.users).toBe(SAMPLE_COMMUNE_REPORTERS.length);
      expect(removal.registry.systems).toBeGreaterThan(0);
      expect(removal.registry.services).toBeGreaterThan(0);
      expect(removal.tokensFile).toBe(true);
      expect(existsSync(sampleTokensFile(dataDir))).toBe(false);
      expect(await presence()).toBe(false);
      expect(await catalog.holdsSample()).toBe(false);
      expect(await identity.holdsSampleUsers()).toBe(false);
      expect(await registry.holdsSample()).toBe(false);
      expect(await sampleRemovedAt(platform.store.db)).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((await registry.organisations.list()).items).toHaveLength(organisations);
      expect(await reference()).toEqual(referenceBefore);
      expect(await registry.systems.get(real.id)).toMatchObject({ id: real.id });
      expect((await registry.credentials.list(real.id)).items).toHaveLength(1);

      const again = await removeSampleData({ ...platform, dataDir }, OPERATOR);
      expect(again.catalog).toEqual({ entries: 0, requests: 0, messages: 0 });
      expect(Object.values(again.steering).every((n) => n === 0)).toBe(true);
      expect(again.users).toBe(0);
      expect(again.registry).toEqual({ grants: 0, credentials: 0, services: 0, systems: 0 });
      expect(again.tokensFile).toBe(false);
    });

    it('is not seeded again when Cảng starts once more in sample mode', async () => {
      const running = await startServer(config, { logger: pino({ level: 'silent' }) });
      try {
        expect(running.sampleRemovedAt).toBeDefined();
        expect(running.sampleExchange).toBeUndefined();
        expect(running.seededOrganisations).toBe(0);
        expect(await sampleDataPresence(running.platform)()).toBe(false);
        expect(existsSync(sampleTokensFile(dataDir))).toBe(false);
      } finally {
        await running.close();
      }
    }, 120_000);
  });
}
