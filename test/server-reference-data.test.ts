import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_DEFAULTS, validateConfig } from '../src/core/index.js';
import { removeSampleData, sampleDataPresence } from '../src/sample/index.js';
import { type RunningServer, startServer } from '../src/server.js';
import { HAI_PHONG_DTI_PUBLISHED } from '../src/steering/index.js';

const OPERATOR = { id: 'cli:operator', remoteAddress: 'local' };
const PUBLISHED_YEARS = Object.keys(HAI_PHONG_DTI_PUBLISHED).map(Number);

/** What a production install holds of the reference data, read through the parts as the API reads it. */
async function referenceOf(running: RunningServer) {
  const { steering, store } = running.platform;
  const audits = await store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'in', ['steering.unit.create-many', 'steering.dti.published.put'])
    .executeTakeFirstOrThrow();
  return {
    communes: (await steering.units.list('2026-01-01', { level: 'commune' })).length,
    districtsBeforeMerger: (await steering.units.list('2024-06-30', { level: 'district' })).length,
    methods: (await steering.dti.list()).map((method) => method.code),
    published: (await steering.dti.published()).map((p) => [p.year, p.verified]),
    loads: Number(audits.n),
  };
}

/** A production start (no sample): the reference data is there, once, and outlives `cang sample remove`. */
describe('reference data on a production install', () => {
  let dataDir = '';
  let config: ReturnType<typeof validateConfig>;
  const start = () => startServer(config, { logger: pino({ level: 'silent' }) });
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-reference-'));
    config = validateConfig({
      dataDir,
      role: 'all',
      host: '127.0.0.1',
      adminPort: 0,
      publicUrl: 'http://localhost',
      exchangePort: 0,
      instance: 'VN-HP',
      nodeId: 'hp-reference-1',
      logLevel: 'silent',
      seedSample: false,
      exchange: EXCHANGE_DEFAULTS,
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const expected = {
    communes: 114,
    districtsBeforeMerger: 15,
    methods: ['QD-922', 'QD-405'],
    // 2021's figures come from earlier notes: the data marks them unverified, and so does the install.
    published: PUBLISHED_YEARS.map((year) => [year, year !== 2021]),
  };

  it('loads the units, DTI methods and published results on the first start, and no sample', async () => {
    const running = await start();
    try {
      expect(await referenceOf(running)).toEqual({ ...expected, loads: 1 + PUBLISHED_YEARS.length });
      expect(await sampleDataPresence(running.platform)()).toBe(false);
      expect(running.seededOrganisations).toBe(0);
      expect((await running.platform.registry.organisations.list()).items).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('loads nothing twice on the next start', async () => {
    const running = await start();
    try {
      expect(await referenceOf(running)).toEqual({ ...expected, loads: 1 + PUBLISHED_YEARS.length });
    } finally {
      await running.close();
    }
  });

  it('keeps them through the sample removal and the start after it', async () => {
    let running = await start();
    try {
      const removal = await removeSampleData({ ...running.platform, dataDir }, OPERATOR);
      expect(removal.steering.dtiPublished).toBe(0);
    } finally {
      await running.close();
    }
    running = await start();
    try {
      expect(running.sampleRemovedAt).toBeDefined();
      expect(await referenceOf(running)).toEqual({ ...expected, loads: 1 + PUBLISHED_YEARS.length });
    } finally {
      await running.close();
    }
  });
});
