import { expect } from 'vitest';
import { createTestStore, DIALECTS } from '../../../test/support/dialects.js';
import { CangError, type ErrorCode, type WorkingCalendarSource } from '../../core/index.js';
import { createRegistry, type Registry } from '../../registry/index.js';
import type { AuditActor, DialectName, Store } from '../../store/index.js';
import { type Catalog, createCatalog } from '../create-catalog.js';
import type { EntryInput } from '../entry-schemas.js';

/** The dialects every catalog store suite runs on. */
export { DIALECTS };

/** The actor of test changes. */
export const ACTOR: AuditActor = { id: 'user:catalog-test', remoteAddress: '203.0.113.9' };

/** Subject hash keys of the tests: the current one first, then a retired one. */
export const SUBJECT_KEYS = ['khoa-hien-tai-2026', 'khoa-cu-2025'] as const;

/** Provider STP (system HOTICH, service tra-cuu) and client SNV (system CBCC). */
export const STP = 'VN-HP/GOV/STP';
/** The client organisation. */
export const SNV = 'VN-HP/GOV/SNV';
/** The provider's exchange service. */
export const HOTICH_SERVICE = `${STP}/HOTICH/tra-cuu`;
/** The client's system. */
export const SNV_SYSTEM = `${SNV}/CBCC`;

/** A clock the test moves by hand. */
export interface TestClock {
  at: number;
  readonly now: () => number;
  advance(ms: number): void;
}

/** A catalog over a fresh store with the registry pair registered. */
export interface CatalogFixture {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalog: Catalog;
  readonly clock: TestClock;
}

/**
 * Builds a catalog on a fresh, migrated store of one dialect, with STP and SNV registered; its clock
 * starts on Tuesday 2026-12-01 09:00 in Hải Phòng.
 */
export async function buildCatalog(
  dialect: DialectName,
  options: { readonly workingCalendar?: WorkingCalendarSource } = {},
): Promise<CatalogFixture> {
  const store = await createTestStore(dialect);
  const clock: TestClock = {
    at: Date.parse('2026-12-01T02:00:00Z'),
    now: () => clock.at,
    advance(ms) {
      clock.at += ms;
    },
  };
  const registry = createRegistry({ store, instance: 'VN-HP', now: clock.now });
  await registry.organisations.create(ACTOR, { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
  await registry.organisations.create(ACTOR, { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' });
  await registry.systems.create(ACTOR, STP, { code: 'HOTICH', name: 'Hệ thống hộ tịch' });
  await registry.systems.create(ACTOR, SNV, { code: 'CBCC', name: 'Quản lý cán bộ, công chức' });
  await registry.services.create(ACTOR, `${STP}/HOTICH`, {
    code: 'tra-cuu',
    name: 'Tra cứu hộ tịch',
    baseUrl: 'https://hotich.haiphong.example/api',
  });
  const catalog = createCatalog({
    store,
    registry,
    subjectHashKeys: SUBJECT_KEYS,
    now: clock.now,
    ...(options.workingCalendar ? { workingCalendar: options.workingCalendar } : {}),
  });
  return { store, registry, catalog, clock };
}

/** A dataset input of STP with sensible defaults. */
export function buildDataset(overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    kind: 'dataset',
    publisher: STP,
    title: 'Cơ sở dữ liệu hộ tịch điện tử',
    description: 'Dữ liệu đăng ký khai sinh, kết hôn, khai tử của công dân trên địa bàn thành phố Hải Phòng.',
    focalOfficer: {
      name: 'Nguyễn Thị Lan',
      position: 'Trưởng phòng Hành chính tư pháp',
      phone: '0225 3842 123',
      email: 'lan.nt@haiphong.gov.vn',
    },
    themes: ['JUST', 'SOCI'],
    keywords: ['hộ tịch', 'khai sinh'],
    classification: 'shared',
    updateFrequency: 'daily',
    spatial: 'Thành phố Hải Phòng',
    distributions: [{ format: 'api', url: 'https://hotich.haiphong.example/api' }],
    ...overrides,
  };
}

/** A data-service input for the STP exchange service. */
export function buildDataService(overrides: Partial<EntryInput> = {}): EntryInput {
  return buildDataset({
    kind: 'service',
    title: 'Dịch vụ tra cứu hộ tịch',
    exchangeService: HOTICH_SERVICE,
    ...overrides,
  });
}

/** Creates a published data service and a published dataset linked to it; returns their ids. */
export async function publishPair(fx: CatalogFixture): Promise<{ service: string; dataset: string }> {
  const service = await fx.catalog.entries.create(ACTOR, buildDataService());
  await fx.catalog.entries.transition(ACTOR, service.id, { state: 'published' });
  const dataset = await fx.catalog.entries.create(ACTOR, buildDataset({ services: [service.id] }));
  await fx.catalog.entries.transition(ACTOR, dataset.id, { state: 'published' });
  return { service: service.id, dataset: dataset.id };
}

/** Awaits a promise that must fail with a CangError of the given code; returns the error. */
export async function expectCangError(promise: Promise<unknown>, code: ErrorCode): Promise<CangError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CangError);
  expect((error as CangError).code).toBe(code);
  return error as CangError;
}

/** The JSON pointers a validation error names, sorted. */
export function pointersOf(error: CangError): string[] {
  return (error.errors ?? []).map((problem) => problem.pointer).sort();
}
