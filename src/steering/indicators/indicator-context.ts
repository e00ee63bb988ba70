import type { Kysely, Transaction } from 'kysely';
import { CangError } from '../../core/index.js';
import { type AuditActor, type AuditChange, type Database, recordAudit } from '../../store/index.js';

/** What the indicator commands are built from: the store's Kysely (a `Store` will do) and a clock. */
export interface IndicatorContextOptions {
  readonly db: Kysely<Database>;
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
}

/** What a change returns: its result and the audit entry describing it. */
export interface IndicatorChange<T> {
  readonly result: T;
  readonly audit: AuditChange | readonly AuditChange[];
}

/** Shared by every indicator command: the store, the clock and the write pipeline. */
export interface IndicatorContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
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
