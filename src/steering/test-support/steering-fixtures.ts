import { createTestStore } from '../../../test/support/dialects.js';
import type { DialectName, Store } from '../../store/index.js';
import { createSteering, type Steering } from '../create-steering.js';
import { seedSteeringSample } from '../seed/seed-steering-sample.js';

/** The audit actor of steering tests. */
export const SECRETARIAT = { id: 'user-secretariat', remoteAddress: '127.0.0.1' } as const;

/** 2025-08-15 10:00 in Hải Phòng: after the mergers and the end of the district level. */
export const AUG_15_2025 = Date.parse('2025-08-15T03:00:00Z');

/** A steering workspace over a fresh store, optionally seeded, with a settable clock. */
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
  if (options.seed !== false) await seedSteeringSample(steering, { id: 'system:seed' });
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
