import type { Kysely } from 'kysely';
import {
  type AuditActor,
  type AuditedChangeFn,
  type Database,
  type Store,
  writeAudited,
} from '../store/index.js';
import { calendarDateOf } from './calendar-date.js';
import type { MeasureSources } from './indicators/index.js';

/** Shared by every steering command (and the indicators half): the store, the clock, the write pipeline. */
export interface SteeringContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly measureSources: MeasureSources;
  /** Today's calendar date in Hải Phòng (UTC+7), 'YYYY-MM-DD'. */
  readonly today: () => string;
  /** Runs a change and its audit entry in one transaction; a failure anywhere rolls back both. */
  write<T>(actor: AuditActor, change: AuditedChangeFn<T>): Promise<T>;
}

/** Options of the steering context. */
export interface SteeringContextOptions {
  readonly store: Store;
  readonly now?: () => number;
  /** Measures computed by other parts (the catalog's figures), for measured indicators. */
  readonly measureSources?: MeasureSources;
}

/** Builds the context that every steering command runs in. */
export function createSteeringContext(options: SteeringContextOptions): SteeringContext {
  const { store } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    now,
    measureSources: options.measureSources ?? {},
    today: () => calendarDateOf(now()),
    write: (actor, change) => writeAudited(store.db, actor, now(), change),
  };
}
