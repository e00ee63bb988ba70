import type { Kysely, Transaction } from 'kysely';
import { CangError } from '../core/index.js';
import { type AuditActor, type AuditChange, recordAudit } from './audit-trail.js';
import { mapDatabaseError } from './database-errors.js';
import type { Database } from './schema.js';

/** What a change hands back to the audited write: its result and the audit entries that describe it. */
export interface AuditedChange<T> {
  readonly result: T;
  readonly audit: AuditChange | readonly AuditChange[];
}

/** A change made inside the audited write's transaction, at the write's single instant `now`. */
export type AuditedChangeFn<T> = (trx: Transaction<Database>, now: number) => Promise<AuditedChange<T>>;

/**
 * The one write pipeline of every part: runs a change and its audit entries in one transaction, so a
 * failure anywhere rolls back both, and turns a constraint violation that slipped past the explicit
 * checks (two writers racing) into a `conflict`. A change without an actor is a programming error.
 */
export async function writeAudited<T>(
  db: Kysely<Database>,
  actor: AuditActor,
  now: number,
  change: AuditedChangeFn<T>,
): Promise<T> {
  if (typeof actor?.id !== 'string' || actor.id.length === 0) {
    throw new CangError('internal', 'A change needs an actor');
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const { result, audit } = await change(trx, now);
      for (const entry of Array.isArray(audit) ? audit : [audit]) await recordAudit(trx, actor, entry, now);
      return result;
    });
  } catch (error) {
    throw mapDatabaseError(error);
  }
}
