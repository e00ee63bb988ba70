import type { Kysely } from 'kysely';
import { type AuditActor, type AuditedChangeFn, type Database, writeAudited } from '../../store/index.js';

/** What the indicator commands are built from: the store's Kysely (a `Store` will do) and a clock. */
export interface IndicatorContextOptions {
  readonly db: Kysely<Database>;
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
  /** Measures computed by other parts (the catalog's figures), wired in by the composition root. */
  readonly measureSources?: MeasureSources;
}

/** Per-organisation counts of one measure for a period `[startMs, endMs)`, computed by another part. */
export type MeasureSource = (
  period: { readonly startMs: number; readonly endMs: number },
  now: number,
) => Promise<ReadonlyMap<string, number>>;

/** Measure sources by measure name. */
export type MeasureSources = Readonly<Record<string, MeasureSource>>;

/** Shared by every indicator command: the store, the clock and the write pipeline. */
export interface IndicatorContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly measureSources: MeasureSources;
  /** Runs a change and its audit entries in one transaction; a failure anywhere rolls back both. */
  write<T>(actor: AuditActor, change: AuditedChangeFn<T>): Promise<T>;
}

/** Builds the context every indicator command runs in. */
export function createIndicatorContext(options: IndicatorContextOptions): IndicatorContext {
  const { db } = options;
  const now = options.now ?? Date.now;
  return {
    db,
    now,
    measureSources: options.measureSources ?? {},
    write: (actor, change) => writeAudited(db, actor, now(), change),
  };
}
