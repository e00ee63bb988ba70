import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createTestStore, DIALECTS } from '../../../test/support/dialects.js';
import { CangError } from '../../core/index.js';
import type { AuditActor, Database, DialectName, SteeringUnitTable, Store } from '../../store/index.js';
import { createSteering, type Steering } from '../create-steering.js';
import type { IndicatorCommands } from '../indicators/create-indicator-commands.js';
import type { IndicatorInput } from '../indicators/indicator-schemas.js';
import { seedSteeringReference } from '../seed/seed-steering-reference.js';
import { seedSteeringSample } from '../seed/seed-steering-sample.js';

/** The secretariat user that makes changes in tests (the audit actor). */
export const SECRETARIAT: AuditActor = { id: 'user-secretariat', remoteAddress: '127.0.0.1' };

/** 2025-08-15 10:00 in Hải Phòng: after the mergers and the end of the district level. */
export const AUG_15_2025 = Date.parse('2025-08-15T03:00:00Z');

/** A steering workspace over a fresh store, optionally seeded (reference and sample), with a settable clock. */
export interface SteeringFixture {
  readonly store: Store;
  readonly steering: Steering;
  setNow(ms: number): void;
}

/** Builds a steering workspace on a fresh store of the dialect. */
export async function createSteeringFixture(
  dialect: DialectName,
  options: { seed?: boolean; now?: number } = {},
): Promise<SteeringFixture> {
  const store = await createTestStore(dialect);
  let now = options.now ?? AUG_15_2025;
  const steering = createSteering({ store, now: () => now });
  if (options.seed !== false) {
    await seedSteeringReference(steering, { id: 'system:seed' });
    await seedSteeringSample(steering, { id: 'system:seed' });
  }
  return { store, steering, setNow: (ms) => (now = ms) };
}

/** Counts rows of a table, for "nothing was left behind" checks. */
export async function countRows(
  store: Store,
  table:
    | 'steering_tasks'
    | 'steering_task_history'
    | 'audit_events'
    | 'steering_reports'
    | 'steering_attachments',
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export { DIALECTS };

/** The fixed clock of the indicator tests: 2025-06-15 10:00 in Hải Phòng, before the district level ends. */
export const NOW = Date.parse('2025-06-15T03:00:00Z');

/** A unit row for `steering_units`, with defaults. */
export function buildUnit(
  overrides: Partial<SteeringUnitTable> & Pick<SteeringUnitTable, 'id'>,
): SteeringUnitTable {
  return {
    admin_code: null,
    name: `Đơn vị ${overrides.id}`,
    kind: 'department',
    parent_id: 'UBND-HP',
    valid_from: '2021-01-01',
    valid_to: null,
    successor_id: null,
    organisation_id: null,
    note: null,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  };
}

/** The units most tests use: the city, two departments (one merged away), two districts, a commune. */
export const TEST_UNITS: readonly SteeringUnitTable[] = [
  buildUnit({
    id: 'UBND-HP',
    name: 'Ủy ban nhân dân thành phố Hải Phòng',
    kind: 'city',
    parent_id: null,
    organisation_id: 'VN-HP/GOV/UBND-HP',
  }),
  buildUnit({ id: 'SNV', name: 'Sở Nội vụ', organisation_id: 'VN-HP/GOV/SNV' }),
  buildUnit({ id: 'STP', name: 'Sở Tư pháp', organisation_id: 'VN-HP/GOV/STP' }),
  buildUnit({ id: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', valid_to: '2025-02-28', successor_id: 'STC' }),
  buildUnit({ id: 'Q-LECHAN', name: 'Quận Lê Chân', kind: 'district', valid_to: '2025-06-30' }),
  buildUnit({ id: 'Q-NGOQUYEN', name: 'Quận Ngô Quyền', kind: 'district', valid_to: '2025-06-30' }),
  buildUnit({ id: 'P-DONGKHE', name: 'Phường Đông Khê', kind: 'commune', parent_id: 'Q-NGOQUYEN' }),
];

/** Inserts units straight into `steering_units`, without the history the unit commands record. */
export async function insertUnits(
  db: Kysely<Database>,
  units: readonly SteeringUnitTable[] = TEST_UNITS,
): Promise<void> {
  await db
    .insertInto('steering_units')
    .values([...units])
    .execute();
}

/** An indicator input with defaults: a reported, up indicator for every level with a 2022 target of 80. */
export function buildIndicator(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    code: 'CQS-03',
    name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
    pillar: 'digital-government',
    unit: '%',
    direction: 'up',
    levels: ['city', 'department', 'district', 'commune'],
    targets: [{ level: '*', year: 2022, target: 80 }],
    ...overrides,
  };
}

/** A migrated store of the dialect with the test units and indicator commands on the fixed clock. */
export interface IndicatorFixture {
  readonly store: Store;
  readonly indicators: IndicatorCommands;
}

/** Builds a fixture: a workspace on a fresh store, unseeded, with the test units. */
export async function buildFixture(dialect: DialectName, now = NOW): Promise<IndicatorFixture> {
  const { store, steering } = await createSteeringFixture(dialect, { seed: false, now });
  await insertUnits(store.db);
  return { store, indicators: steering.indicators };
}

/** Awaits a promise that must fail with a CangError of the code; returns the error. */
export async function expectCangError(promise: Promise<unknown>, code: string): Promise<CangError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CangError);
  expect((error as CangError).code).toBe(code);
  return error as CangError;
}

/** The JSON pointers of a validation error. */
export const pointersOf = (error: CangError): string[] =>
  (error.errors ?? []).map((problem) => problem.pointer);

/** Counts audit entries of an action. */
export async function auditCount(db: Kysely<Database>, action: string): Promise<number> {
  const rows = await db.selectFrom('audit_events').select('id').where('action', '=', action).execute();
  return rows.length;
}
