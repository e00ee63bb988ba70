import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../test/support/dialects.js';
import { createCatalog } from '../catalog/index.js';
import { createRegistry, seedHaiPhong } from '../registry/index.js';
import type { AuditActor, Store } from '../store/index.js';
import { SAMPLE_SERVICES } from './sample-services.js';
import { seedSampleCatalog } from './seed-sample-catalog.js';
import { seedSampleExchange } from './seed-sample-exchange.js';

const ACTOR: AuditActor = { id: 'platform', remoteAddress: null };
const EXCHANGE_URL = 'http://127.0.0.1:8081';

let open: Store | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** The sample organisations and sample exchange, as a first start in sample mode registers them. */
async function sampleInstallation(dialect: (typeof DIALECTS)[number]) {
  const store = await createTestStore(dialect);
  open = store;
  const registry = createRegistry({ store, instance: 'VN-HP' });
  await seedHaiPhong(registry, ACTOR);
  await seedSampleExchange(registry, ACTOR, 'http://127.0.0.1:9', Date.now());
  const catalog = createCatalog({ store, registry, subjectHashKeys: ['khoa-mau'] });
  return { store, registry, catalog };
}

describe.each(DIALECTS)('the sample catalog over the sample exchange (%s)', (dialect) => {
  it('describes the registered sample services, found with and without diacritics', async () => {
    const fx = await sampleInstallation(dialect);
    const result = await seedSampleCatalog(fx, ACTOR, EXCHANGE_URL);
    expect(result.skippedEntries).toEqual([]);
    expect(result.skippedRequests).toEqual([]);
    const plain = await fx.catalog.search({ q: 'ho tich' });
    const marked = await fx.catalog.search({ q: 'hộ tịch' });
    expect(plain.items.length).toBeGreaterThanOrEqual(3);
    expect(marked.items.map((item) => item.id)).toEqual(plain.items.map((item) => item.id));
    // Each data service names a sample service the registry holds, published by the service's own
    // organisation, with the exchange's address of it as its API.
    const services = await fx.store.db
      .selectFrom('catalog_entries')
      .select(['id', 'publisher_id', 'exchange_service_id'])
      .where('kind', '=', 'service')
      .execute();
    expect(services.map((row) => row.exchange_service_id).sort()).toEqual(
      SAMPLE_SERVICES.map((service) => service.id).sort(),
    );
    for (const row of services) {
      const service = await fx.registry.services.get(row.exchange_service_id!);
      expect(service.sample).toBe(true);
      expect(service.id.startsWith(`${row.publisher_id}/`)).toBe(true);
      expect((await fx.catalog.entries.get(row.id)).distributions).toEqual([
        { format: 'API', url: `${EXCHANGE_URL}/r1/${service.id}`, mediaType: 'application/json' },
      ]);
    }
  });

  it('holds a request in every state, and the approved one holds a sample grant of the registry', async () => {
    const fx = await sampleInstallation(dialect);
    const before = (await fx.registry.grants.list()).items.length;
    await seedSampleCatalog(fx, ACTOR, EXCHANGE_URL);
    const { items } = await fx.catalog.sharingRequests.list({ role: 'owner', limit: 200 }, 'all');
    expect(new Set(items.map((item) => item.state))).toEqual(
      new Set(['draft', 'submitted', 'changes-requested', 'approved', 'refused', 'revoked', 'expired']),
    );
    expect(items.every((item) => item.sample)).toBe(true);
    const approved = items.find((item) => item.state === 'approved')!;
    expect(approved.grants).toHaveLength(1);
    const grant = await fx.registry.grants.get(approved.grants[0]!);
    expect(grant).toMatchObject({ sample: true, client: approved.clientSystem });
    // The revoked and expired approvals left no grant behind: one grant more than the exchange's own.
    expect((await fx.registry.grants.list()).items).toHaveLength(before + 1);
  });

  it('seeds nothing more on a restart', async () => {
    const fx = await sampleInstallation(dialect);
    await seedSampleCatalog(fx, ACTOR, EXCHANGE_URL);
    expect(await seedSampleCatalog(fx, ACTOR, EXCHANGE_URL)).toMatchObject({ entries: 0, requests: 0 });
  });
});
