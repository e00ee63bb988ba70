import type { Kysely } from 'kysely';
import type { Database, DialectName, TrafficMinuteTable } from '../../store/index.js';

/** Upper bounds (ms) of the latency histogram kept per minute; the last bucket is unbounded. */
export const LATENCY_BUCKETS_MS: readonly number[] = [
  5,
  10,
  25,
  50,
  100,
  250,
  500,
  1000,
  2500,
  5000,
  10000,
  Number.POSITIVE_INFINITY,
];

// 9 values per row; stays below SQLite's 32766 and PostgreSQL's 65535 bound parameters.
const ROWS_PER_INSERT = 1000;
const KEYS_PER_SELECT = 500;
/** traffic_minutes' primary key. */
const KEY_COLUMNS = ['minute', 'client_id', 'service_id', 'status', 'sample', 'node_id'] as const;

/** One per-minute aggregate as it accumulates in memory before it is upserted. */
export interface MinuteDelta {
  readonly minute: number;
  readonly clientId: string;
  readonly serviceId: string;
  readonly status: number;
  /** Calls with the sample purpose code: counted in traffic, left out of measured indicators. */
  readonly sample: boolean;
  count: number;
  totalMs: number;
  readonly buckets: number[];
}

/** The key of one per-minute row, in memory and when matching stored rows. */
export function minuteKey(
  minute: number,
  status: number,
  clientId: string,
  serviceId: string,
  sample: boolean,
) {
  return `${minute}|${status}|${clientId}|${serviceId}|${sample ? 1 : 0}`;
}

export function emptyBuckets(): number[] {
  return LATENCY_BUCKETS_MS.map(() => 0);
}

/**
 * Adds the deltas to the node's own rows of `traffic_minutes` inside the caller's transaction
 * (read-modify-write, so the histogram merges). Each node writes only rows of its id, so nodes on one
 * database never wait on each other's commit here; readers sum over nodes. On PostgreSQL the rows are
 * still created if missing, then locked FOR UPDATE, so that two processes wrongly started with the same
 * node id lose no update; SQLite's single writer already serialises.
 */
export async function upsertMinutes(
  trx: Kysely<Database>,
  dialect: DialectName,
  nodeId: string,
  deltas: ReadonlyMap<string, MinuteDelta>,
): Promise<void> {
  const all = [...deltas.values()];
  if (all.length === 0) return;
  if (dialect === 'postgres') {
    for (let i = 0; i < all.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('traffic_minutes')
        .values(
          all
            .slice(i, i + ROWS_PER_INSERT)
            .map((d) => toRow(nodeId, { ...d, count: 0, totalMs: 0, buckets: emptyBuckets() })),
        )
        .onConflict((oc) => oc.columns(KEY_COLUMNS).doNothing())
        .execute();
    }
  }
  const existing = new Map<string, TrafficMinuteTable>();
  for (let i = 0; i < all.length; i += KEYS_PER_SELECT) {
    const keys = all.slice(i, i + KEYS_PER_SELECT);
    let query = trx
      .selectFrom('traffic_minutes')
      .selectAll()
      .where('node_id', '=', nodeId)
      .where((eb) =>
        eb.or(
          keys.map((k) =>
            eb.and([
              eb('minute', '=', k.minute),
              eb('status', '=', k.status),
              eb('client_id', '=', k.clientId),
              eb('service_id', '=', k.serviceId),
              eb('sample', '=', k.sample ? 1 : 0),
            ]),
          ),
        ),
      );
    if (dialect === 'postgres') query = query.forUpdate();
    for (const row of await query.execute()) {
      existing.set(
        minuteKey(Number(row.minute), row.status, row.client_id, row.service_id, row.sample === 1),
        row,
      );
    }
  }
  const merged = all.map((d) => {
    const row = existing.get(minuteKey(d.minute, d.status, d.clientId, d.serviceId, d.sample));
    if (!row) return toRow(nodeId, d);
    const old = parseBuckets(row.latency_buckets);
    return toRow(nodeId, {
      ...d,
      count: Number(row.count) + d.count,
      totalMs: Number(row.total_ms) + d.totalMs,
      buckets: d.buckets.map((n, i) => n + (old[i] ?? 0)),
    });
  });
  for (let i = 0; i < merged.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('traffic_minutes')
      .values(merged.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns(KEY_COLUMNS).doUpdateSet((eb) => ({
          count: eb.ref('excluded.count'),
          total_ms: eb.ref('excluded.total_ms'),
          latency_buckets: eb.ref('excluded.latency_buckets'),
        })),
      )
      .execute();
  }
}

function toRow(
  nodeId: string,
  d: Omit<MinuteDelta, 'buckets'> & { readonly buckets: readonly number[] },
): TrafficMinuteTable {
  return {
    node_id: nodeId,
    minute: d.minute,
    client_id: d.clientId,
    service_id: d.serviceId,
    status: d.status,
    sample: d.sample ? 1 : 0,
    count: d.count,
    total_ms: d.totalMs,
    latency_buckets: JSON.stringify(d.buckets),
  };
}

/** The bucket counts stored as JSON text, padded to the current bucket list. */
export function parseBuckets(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  const counts = Array.isArray(parsed) ? parsed.map((n) => Number(n) || 0) : [];
  return LATENCY_BUCKETS_MS.map((_, i) => counts[i] ?? 0);
}
