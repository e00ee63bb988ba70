import type { Kysely, Transaction } from 'kysely';
import { CangError } from '../../core/index.js';
import { type AuditActor, type AuditChange, type Database, recordAudit } from '../../store/index.js';

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

/** What a change returns: its result and the audit entry describing it. */
export interface IndicatorChange<T> {
  readonly result: T;
  readonly audit: AuditChange | readonly AuditChange[];
}

/** Shared by every indicator command: the store, the clock and the write pipeline. */
export interface IndicatorContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly measureSources: MeasureSources;
  /** Runs a change and its audit entries in one transaction; a failure anywhere rolls back both. */
  write<T>(
    actor: AuditActor,
    change: (trx: Transaction<Database>, now: number) => Promise<IndicatorChange<T>>,
  ): Promise<T>;
}

/** Builds the context every indicator command runs in. */
export function createIndicatorContext(options: IndicatorContextOptions): IndicatorContext {
  const { db } = options;
  const now = options.now ?? Date.now;
  return {
    db,
    now,
    measureSources: options.measureSources ?? {},
    async write(actor, change) {
      if (typeof actor?.id !== 'string' || actor.id.length === 0) {
        throw new CangError('internal', 'A steering change needs an actor');
      }
      const at = now();
      return db.transaction().execute(async (trx) => {
        const { result, audit } = await change(trx, at);
        for (const entry of Array.isArray(audit) ? audit : [audit]) await recordAudit(trx, actor, entry, at);
        return result;
      });
    },
  };
}
