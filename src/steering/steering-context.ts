import type { Kysely } from 'kysely';
import { type AuditActor, type AuditedChangeFn, type Database, writeAudited } from '../store/index.js';
import { calendarDateOf } from './local-time.js';

/** Per-organisation counts of one measure for a period `[startMs, endMs)`, computed by another part. */
export type MeasureSource = (
  period: { readonly startMs: number; readonly endMs: number },
  now: number,
) => Promise<ReadonlyMap<string, number>>;

/** Measure sources by measure name. */
export type MeasureSources = Readonly<Record<string, MeasureSource>>;

/** Shared by every steering command, indicators included: the store, the clock, the write pipeline. */
export interface SteeringContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly measureSources: MeasureSources;
  /** Today's calendar date in Hải Phòng, 'YYYY-MM-DD'. */
  readonly today: () => string;
  /** Runs a change and its audit entry in one transaction; a failure anywhere rolls back both. */
  write<T>(actor: AuditActor, change: AuditedChangeFn<T>): Promise<T>;
}

/** What a steering context is built from: the store's Kysely (a `Store` will do) and a clock. */
export interface SteeringContextOptions {
  readonly db: Kysely<Database>;
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
  /** Measures computed by other parts (the catalog's figures), for measured indicators. */
  readonly measureSources?: MeasureSources;
}

/** Builds the context that every steering command runs in. */
export function createSteeringContext(options: SteeringContextOptions): SteeringContext {
  const { db } = options;
  const now = options.now ?? Date.now;
  return {
    db,
    now,
    measureSources: options.measureSources ?? {},
    today: () => calendarDateOf(now()),
    write: (actor, change) => writeAudited(db, actor, now(), change),
  };
}
