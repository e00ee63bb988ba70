import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import { CangError, type ErrorCode } from '../../core/index.js';
import type { AuditActor, DialectName, Store } from '../../store/index.js';
import { createRegistry, type Registry } from '../create-registry.js';
import type { FederationConfigurations } from '../federation/federation-configurations.js';
import type { GrantInput } from '../grant-schemas.js';
import type { OrganisationInput } from '../organisation-schemas.js';
import type { ServiceInput } from '../service-schemas.js';

/** The key that seals external platforms' secrets in the registry suites. */
export const TEST_SECRETS_KEY: Buffer = randomBytes(32);

/** The dialects every store suite runs on, re-exported for the registry suites. */
export { DIALECTS };

/** The actor of test changes, with the address the audit trail must record. */
export const ACTOR: AuditActor = { id: 'user:admin-test', remoteAddress: '203.0.113.7' };

/** A clock the test moves by hand. */
export interface TestClock {
  at: number;
  readonly now: () => number;
  advance(ms: number): void;
}

/** A registry on a fresh store of one dialect, with a hand-moved clock and a change counter. */
export interface RegistryFixture {
  readonly store: Store;
  readonly registry: Registry;
  readonly clock: TestClock;
  readonly changes: number[];
}

/** Builds a registry for instance VN-HP (or `options.instance`) on a fresh, migrated store. */
export async function buildRegistry(
  dialect: DialectName,
  options: { instance?: string; federationConfigurations?: FederationConfigurations } = {},
): Promise<RegistryFixture> {
  const store = await createTestStore(dialect);
  const clock: TestClock = {
    at: Date.now(),
    now: () => clock.at,
    advance(ms) {
      clock.at += ms;
    },
  };
  const changes: number[] = [];
  const registry = createRegistry({
    store,
    instance: options.instance ?? 'VN-HP',
    now: clock.now,
    onChange: (version) => changes.push(version),
    secretsKey: TEST_SECRETS_KEY,
    ...(options.federationConfigurations
      ? { federationConfigurations: options.federationConfigurations }
      : {}),
  });
  return { store, registry, clock, changes };
}

/** An organisation input with sensible defaults. */
export function buildOrganisation(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ', ...overrides };
}

/** A service input with sensible defaults. */
export function buildService(overrides: Partial<ServiceInput> = {}): ServiceInput {
  return { code: 'tra-cuu', name: 'Tra cứu hồ sơ', baseUrl: 'https://provider.example/api', ...overrides };
}

/**
 * Registers a provider organisation with one system and service, and a client organisation with
 * one system; returns their ids.
 */
export async function buildExchangePair(registry: Registry) {
  await registry.organisations.create(ACTOR, buildOrganisation({ code: 'STP', name: 'Sở Tư pháp' }));
  await registry.organisations.create(ACTOR, buildOrganisation({ code: 'SNV', name: 'Sở Nội vụ' }));
  const provider = await registry.systems.create(ACTOR, 'VN-HP/GOV/STP', { code: 'HOTICH', name: 'Hộ tịch' });
  const client = await registry.systems.create(ACTOR, 'VN-HP/GOV/SNV', { code: 'CBCC', name: 'Cán bộ' });
  const service = await registry.services.create(ACTOR, provider.id, buildService());
  return { provider: provider.id, client: client.id, service: service.id };
}

/** A grant input between the pair's client and service. */
export function buildGrant(
  pair: { client: string; service: string },
  overrides: Partial<GrantInput> = {},
): GrantInput {
  return { client: pair.client, service: pair.service, ...overrides };
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

const REGISTRY_TABLES = [
  'organisations',
  'systems',
  'services',
  'grants',
  'credentials',
  'nodes',
  'node_keys',
] as const;

async function registryRows(fx: RegistryFixture): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of [...REGISTRY_TABLES, 'audit_events'] as const) {
    const found = await fx.store.db.selectFrom(table).selectAll().execute();
    rows[table] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

/**
 * Runs a change that must be refused with a CangError of the given code, and checks that the refused
 * side is unchanged: the registry's tables and the audit trail hold the same rows, and no new
 * configuration version was announced. Returns the error.
 */
export async function expectRefused(
  fx: RegistryFixture,
  refused: () => Promise<unknown>,
  code: ErrorCode,
): Promise<CangError> {
  const before = await registryRows(fx);
  const changes = fx.changes.length;
  const error = await expectCangError(refused(), code);
  expect(await registryRows(fx)).toEqual(before);
  expect(fx.changes).toHaveLength(changes);
  return error;
}

/** The JSON pointers a validation error names, sorted. */
export function pointersOf(error: CangError): string[] {
  return (error.errors ?? []).map((problem) => problem.pointer).sort();
}
