import type { Kysely } from 'kysely';
import { uuidV7 } from '../core/index.js';
import type { Database } from './schema.js';

/** Who made a change and from where; every command that changes the store takes one. */
export interface AuditActor {
  readonly id: string; // user id, `token:{id}`, or `system:{what}` for the platform itself
  readonly remoteAddress?: string | null;
}

/** One entry of the audit trail. */
export interface AuditChange {
  readonly action: string; // e.g. organisation.create, grant.delete
  readonly resource: string; // the identifier of what changed
  readonly details?: unknown; // JSON; never secrets
}

/**
 * Records a change in the audit trail. Call it inside the same transaction as the change itself,
 * so a change and its audit entry are committed, or rolled back, together.
 */
export async function recordAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  change: AuditChange,
  now = Date.now(),
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: uuidV7(now),
      at: now,
      actor: actor.id,
      action: change.action,
      resource: change.resource,
      details: change.details === undefined ? null : JSON.stringify(change.details),
      remote_address: actor.remoteAddress ?? null,
    })
    .execute();
}
