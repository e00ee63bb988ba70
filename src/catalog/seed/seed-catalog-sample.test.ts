import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../../test/support/dialects.js';
import { createRegistry, type Registry, seedHaiPhong } from '../../registry/index.js';
import type { AuditActor, Store } from '../../store/index.js';
import { type Catalog, createCatalog } from '../create-catalog.js';
import type { CatalogSampleLinks } from './sample-links.js';
import { SAMPLE_REQUESTS } from './sample-requests.js';
import { seedCatalogSample } from './seed-catalog-sample.js';

const ACTOR: AuditActor = { id: 'platform', remoteAddress: null };
// Thursday 2026-12-03 10:00 in Hải Phòng.
const NOW = Date.parse('2026-12-03T03:00:00Z');
/** Links of this test's own: the seed follows whatever the composition hands it. */
const LINKS: CatalogSampleLinks = {
  services: {
    householdLookup: 'VN-HP/GOV/11383/CU-TRU/ho-gia-dinh',
    civilStatus: 'VN-HP/GOV/STP/HO-TICH/ho-tich',
    businessRegistration: 'VN-HP/GOV/STC/DKKD/doanh-nghiep',
    landParcels: 'VN-HP/GOV/SNNMT/DAT-DAI/thua-dat',
  },
  clients: {
    ngoQuyenOneStop: 'VN-HP/GOV/11329/MOT-CUA',
    buildingPermits: 'VN-HP/GOV/SXD/CAP-PHEP',
    healthRecords: 'VN-HP/GOV/SYT/TIEM-CHUNG',
    anLaoOneStop: 'VN-HP/GOV/11629/MOT-CUA',
    inspectorate: 'VN-HP/GOV/TTTP/THANH-TRA',
  },
  exchangeUrl: 'https://cang.test:8443',
};
const OPTIONS = { links: LINKS, now: () => NOW };

interface Fixture {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalog: Catalog;
}

let open: Store | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** A store with the sample organisations, and the sample exchange's systems when `exchange` is set. */
async function build(
  dialect: (typeof DIALECTS)[number],
  exchange: { services: boolean; clients: boolean },
): Promise<Fixture> {
  const store = await createTestStore(dialect);
  open = store;
  const registry = createRegistry({ store, instance: 'VN-HP', now: () => NOW });
  await seedHaiPhong(registry, ACTOR);
  const system = async (id: string) => {
    const parts = id.split('/');
    await registry.systems
      .create(ACTOR, parts.slice(0, 3).join('/'), { code: parts[3]!, name: `Hệ thống ${parts[3]}` })
      .catch(() => undefined);
  };
  if (exchange.services) {
    for (const id of Object.values(LINKS.services)) {
      const parts = id.split('/');
      await system(parts.slice(0, 4).join('/'));
      await registry.services.create(ACTOR, parts.slice(0, 4).join('/'), {
        code: parts[4]!,
        name: `Dịch vụ ${parts[4]}`,
        baseUrl: 'https://mau.haiphong.example/api',
      });
    }
  }
  if (exchange.clients) for (const id of Object.values(LINKS.clients)) await system(id);
  const catalog = createCatalog({ store, registry, subjectHashKeys: ['khoa-mau'], now: () => NOW });
  return { store, registry, catalog };
}

async function requestsByState(catalog: Catalog) {
  const { items } = await catalog.sharingRequests.list({ role: 'owner', limit: 200 }, 'all');
  const states = new Map<string, number>();
  for (const item of items) states.set(item.state, (states.get(item.state) ?? 0) + 1);
  return { items, states: Object.fromEntries(states) };
}

describe.each(DIALECTS)('the sample catalog (%s)', (dialect) => {
  it('describes datasets and data services, open, shared and one retired, all marked sample, found by "ho tich"', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    const result = await seedCatalogSample(fx, ACTOR, OPTIONS);
    expect(result.skippedEntries).toEqual([]);
    const found = await fx.catalog.search({ q: 'ho tich' });
    expect(found.items.length).toBeGreaterThanOrEqual(3);
    const all = await fx.catalog.search({ limit: 100 });
    const classifications = new Set(all.items.map((item) => item.classification));
    expect(classifications).toContain('open');
    expect(classifications).toContain('shared');
    const rows = await fx.store.db
      .selectFrom('catalog_entries')
      .select(['state', 'kind', 'sample'])
      .execute();
    expect(rows.filter((r) => r.state === 'retired')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'service')).toHaveLength(4);
    expect(rows.every((r) => r.sample === 1)).toBe(true);
  });

  it('links the data services to the services handed over: their publisher and API distribution', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    await seedCatalogSample(fx, ACTOR, OPTIONS);
    const household = (await fx.catalog.search({ q: 'ho gia dinh', limit: 100 })).items.find(
      (item) => item.kind === 'service',
    )!;
    const entry = await fx.catalog.entries.get(household.id);
    expect(entry).toMatchObject({
      publisher: 'VN-HP/GOV/11383',
      exchangeService: LINKS.services.householdLookup,
      distributions: [{ format: 'API', url: `https://cang.test:8443/r1/${LINKS.services.householdLookup}` }],
    });
    // A dataset served by a data service lists the service's API beside its own files.
    const records = (await fx.catalog.search({ q: 'co so du lieu ho tich' })).items[0]!;
    expect((await fx.catalog.entries.get(records.id)).distributions.map((d) => d.url)).toContain(
      `https://cang.test:8443/r1/${LINKS.services.civilStatus}`,
    );
  });

  it('makes requests in every state, two of them late, and approvals into sample grants', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    const result = await seedCatalogSample(fx, ACTOR, OPTIONS);
    expect(result.skippedRequests).toEqual([]);
    expect(result.requests).toBe(SAMPLE_REQUESTS.length);
    const { items, states } = await requestsByState(fx.catalog);
    expect(states).toEqual({
      draft: 1,
      submitted: 3,
      'changes-requested': 1,
      approved: 1,
      refused: 1,
      revoked: 1,
      expired: 1,
    });
    expect(items.every((item) => item.sample)).toBe(true);
    const late = await fx.catalog.sharingRequests.list({ role: 'owner', overdue: true }, 'all');
    expect(late.items).toHaveLength(2);
    expect(items.filter((item) => item.state === 'submitted' && !item.overdue)).toHaveLength(1);
    const refused = items.find((item) => item.state === 'refused')!;
    expect(refused.decisionLegalBasis).toMatch(/91\/2025\/QH15/);
    // The approval's grant works and is sample data; the revoked and expired ones are gone.
    const approved = items.find((item) => item.state === 'approved')!;
    expect(approved.grants).toHaveLength(1);
    const grants = await fx.store.db.selectFrom('grants').select(['id', 'sample']).execute();
    expect(grants).toEqual([{ id: approved.grants[0], sample: 1 }]);
  });

  it('skips the data services whose exchange service is missing, and the requests for them', async () => {
    const fx = await build(dialect, { services: false, clients: true });
    const result = await seedCatalogSample(fx, ACTOR, OPTIONS);
    expect(result.skippedEntries).toEqual(
      expect.arrayContaining([
        'civil-status-service',
        'business-service',
        'land-service',
        'household-service',
      ]),
    );
    expect(result.requests).toBe(0);
    expect((await fx.catalog.search({ q: 'ho tich' })).items.length).toBeGreaterThan(0);
    expect(await fx.store.db.selectFrom('grants').select('id').execute()).toEqual([]);
  });

  it('without a sample exchange, seeds only the datasets, with no service link and no request', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    const result = await seedCatalogSample(fx, ACTOR, { links: undefined, now: () => NOW });
    expect(result.requests).toBe(0);
    const rows = await fx.store.db
      .selectFrom('catalog_entries')
      .select(['kind', 'exchange_service_id'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.kind === 'dataset' && row.exchange_service_id === null)).toBe(true);
    const all = await fx.catalog.search({ limit: 100 });
    for (const item of all.items) {
      const entry = await fx.catalog.entries.get(item.id);
      expect(entry.distributions.every((d) => d.format !== 'API')).toBe(true);
    }
    expect(await fx.store.db.selectFrom('catalog_links').selectAll().execute()).toEqual([]);
  });

  it('skips the requests that need a missing client system and keeps the others', async () => {
    const fx = await build(dialect, { services: true, clients: false });
    const result = await seedCatalogSample(fx, ACTOR, OPTIONS);
    const { states } = await requestsByState(fx.catalog);
    expect(states).toEqual({ draft: 1, submitted: 3, 'changes-requested': 1, refused: 1 });
    expect(result.skippedRequests).toHaveLength(3);
  });

  it('does nothing on a second run', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    await seedCatalogSample(fx, ACTOR, OPTIONS);
    const again = await seedCatalogSample(fx, ACTOR, OPTIONS);
    expect(again).toMatchObject({ entries: 0, requests: 0 });
  });

  it('removes the sample entries and requests with everything attached, keeping real entries', async () => {
    const fx = await build(dialect, { services: true, clients: true });
    await seedCatalogSample(fx, ACTOR, OPTIONS);
    const real = await fx.catalog.entries.create(ACTOR, {
      kind: 'dataset',
      publisher: 'VN-HP/GOV/STP',
      title: 'Danh sách luật sư',
      description: 'Luật sư hành nghề tại thành phố.',
      focalOfficer: {
        name: 'Ngô Văn An',
        position: 'Chuyên viên',
        phone: '0225 3842 000',
        email: 'an.nv@haiphong.gov.vn',
      },
      classification: 'open',
    });
    await fx.catalog.entries.transition(ACTOR, real.id, { state: 'published' });
    const entries = await fx.store.db
      .selectFrom('catalog_entries')
      .select('id')
      .where('sample', '=', 1)
      .execute();
    const removed = await fx.catalog.removeSample(ACTOR);
    expect(removed.entries).toBe(entries.length);
    expect(removed.requests).toBe(SAMPLE_REQUESTS.length);
    expect(removed.messages).toBeGreaterThan(removed.requests);
    const left = await fx.store.db.selectFrom('catalog_entries').select('id').execute();
    expect(left).toEqual([{ id: real.id }]);
    expect(await fx.store.db.selectFrom('sharing_requests').select('id').execute()).toEqual([]);
    expect(await fx.store.db.selectFrom('sharing_request_messages').select('id').execute()).toEqual([]);
    expect(
      await fx.store.db
        .selectFrom('catalog_revisions')
        .select('entry_id')
        .where('entry_id', '!=', real.id)
        .execute(),
    ).toEqual([]);
    expect(await fx.store.db.selectFrom('catalog_links').selectAll().execute()).toEqual([]);
    expect((await fx.catalog.search({ q: 'ho tich' })).items).toEqual([]);
    expect((await fx.catalog.search({ q: 'luat su' })).items.map((item) => item.id)).toEqual([real.id]);
  });
});
