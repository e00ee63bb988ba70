import { sql } from 'kysely';
import type { Store } from '../store/index.js';

/** Filters and page of the audit trail. */
export interface AuditQuery {
  readonly limit?: number;
  readonly cursor?: string;
  /** Actor id: a user id, or `system:…`. */
  readonly actor?: string;
  /** Exact action, e.g. `grant.create`. */
  readonly action?: string;
  /** A resource and everything under it, e.g. an organisation id matches its systems and services. */
  readonly resource?: string;
}

/** One audit event as read from the store, with the actor's username when the actor is a user. */
export interface AuditEvent {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly resource: string;
  readonly details: unknown;
  readonly remoteAddress: string | null;
}

// LIKE wildcards in a resource id must match literally (ids may contain `_`).
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads the audit trail newest first, one page at a time (the cursor is the last event id). */
export async function listAuditEvents(
  store: Store,
  query: AuditQuery,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let select = store.db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor')
    .selectAll('audit_events')
    .select('users.username')
    .orderBy('audit_events.id', 'desc')
    .limit(limit + 1);
  if (query.cursor !== undefined) select = select.where('audit_events.id', '<', query.cursor);
  if (query.actor !== undefined) select = select.where('audit_events.actor', '=', query.actor);
  if (query.action !== undefined) select = select.where('audit_events.action', '=', query.action);
  const resource = query.resource;
  if (resource !== undefined) {
    select = select.where((eb) =>
      eb.or([
        eb('audit_events.resource', '=', resource),
        eb(sql`audit_events.resource`, 'like', sql`${`${escapeLike(resource)}/%`} escape '\\'`),
      ]),
    );
  }
  const rows = await select.execute();
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorName: row.username,
    action: row.action,
    resource: row.resource,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
    remoteAddress: row.remote_address,
  }));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}
