import { decodeCursor, encodeCursor } from '../../core/index.js';
import type { Store } from '../../store/index.js';

/** Filters of a log search; times are Unix ms, `to` exclusive. */
export interface LogSearchQuery {
  readonly from?: number;
  readonly to?: number;
  readonly clientId?: string;
  readonly serviceId?: string;
  readonly status?: number;
  readonly errorCode?: string;
  readonly id?: string;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
  readonly limit?: number;
}

/** One transaction as a log search shows it (no bodies, no raw subject). */
export interface LogSearchItem {
  readonly id: string;
  readonly nodeId: string;
  readonly seq: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly clientId: string | null;
  readonly serviceId: string | null;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode: string | null;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly requestHash: string | null;
  readonly purpose: string | null;
  readonly traceId: string | null;
  readonly hash: string;
}

/**
 * How far an entry's started_at may lie from its id's time: none on the node that made the id, a
 * network hop on a federation partner that logs the same id when the call reaches it.
 */
const ID_TIME_SLACK_MS = 86_400_000;

/** The millisecond time of a UUIDv7, or undefined for any other string. */
export function uuidV7Time(id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** Searches the transaction log, newest first, with keyset pagination on (started_at, id). */
export async function searchLog(
  store: Store,
  query: LogSearchQuery,
): Promise<{ items: LogSearchItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const rows = await logSearchQuery(store, query, limit).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      nodeId: r.node_id,
      seq: r.seq,
      startedAt: r.started_at,
      durationMs: r.duration_ms,
      clientId: r.client_id,
      serviceId: r.service_id,
      method: r.method,
      path: r.path,
      status: r.status,
      errorCode: r.error_code,
      requestBytes: r.request_bytes,
      responseBytes: r.response_bytes,
      requestHash: r.request_hash,
      purpose: r.purpose,
      traceId: r.trace_id,
      hash: r.hash,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.started_at, last.id]) : null,
  };
}

/** The query of one page of a log search (one row more than the page, to tell whether more follow). */
export function logSearchQuery(store: Store, query: LogSearchQuery, limit: number) {
  let q = store.db.selectFrom('log_entries').selectAll();
  if (query.from !== undefined) q = q.where('started_at', '>=', query.from);
  if (query.to !== undefined) q = q.where('started_at', '<', query.to);
  if (query.clientId) q = q.where('client_id', '=', query.clientId);
  if (query.serviceId) q = q.where('service_id', '=', query.serviceId);
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  if (query.errorCode) q = q.where('error_code', '=', query.errorCode);
  if (query.id) {
    q = q.where('id', '=', query.id);
    // A transaction id is a UUIDv7 made from the call's start: bounding started_at around its time lets
    // PostgreSQL read one month's partition (two within a day of a month's edge) instead of all of them.
    const at = uuidV7Time(query.id);
    if (at !== undefined && store.dialect === 'postgres') {
      q = q.where('started_at', '>=', at - ID_TIME_SLACK_MS).where('started_at', '<', at + ID_TIME_SLACK_MS);
    }
  }
  const after = query.cursor ? decodeCursor(query.cursor, ['integer', 'string']) : undefined;
  if (after) {
    const [startedAt, id] = after;
    // The bound alone is what an index scan (and PostgreSQL's partition pruning) can start from; the
    // disjunction then drops the rows of the same millisecond already shown.
    q = q
      .where('started_at', '<=', startedAt)
      .where((eb) =>
        eb.or([
          eb('started_at', '<', startedAt),
          eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)]),
        ]),
      );
  }
  return q
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
}
