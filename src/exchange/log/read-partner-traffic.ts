import { sql } from 'kysely';
import type { Store } from '../../store/index.js';

const MINUTE_MS = 60_000;

/** The calls one way between this instance and a partner over a window. */
export interface PartnerTrafficDirection {
  readonly calls: number;
  /** Calls answered with a status of 400 or more: refused by either instance, or failed at the provider. */
  readonly refused: number;
  /** Calls with the sample purpose code (MAU-MINH-HOA), counted in `calls` too. */
  readonly sample: number;
  /** When the latest call of the window started (Unix ms); null when there was none. */
  readonly lastCallAt: number | null;
}

/** One minute of traffic with a partner, each way. */
export interface PartnerTrafficMinute {
  readonly minute: number;
  readonly outbound: number;
  readonly inbound: number;
}

/** The traffic with one partner instance over a window. */
export interface PartnerTraffic {
  /** Our systems' calls to the partner's services. */
  readonly outbound: PartnerTrafficDirection;
  /** The partner's systems' calls to our services. */
  readonly inbound: PartnerTrafficDirection;
  /** The minutes with traffic either way, oldest first. */
  readonly minutes: readonly PartnerTrafficMinute[];
}

/** Which minutes to read: `from` inclusive, `to` exclusive (Unix ms). */
export interface PartnerTrafficQuery {
  readonly partner: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Reads the traffic with a partner from the log, every node's. A call out to the partner is one whose
 * service belongs to the partner's instance, a call in one whose client does; identifiers start with
 * their instance, compared with `substr` (exact and case-sensitive on both dialects, where LIKE is
 * neither on SQLite). The counts come from the per-minute figures, read by the range of their key's
 * first column; the exact time of the latest call from the entries of its minute only, through the
 * index on `started_at`, so neither read grows with the log.
 */
export async function readPartnerTraffic(store: Store, query: PartnerTrafficQuery): Promise<PartnerTraffic> {
  const prefix = `${query.partner}/`;
  const direction = async (column: 'service_id' | 'client_id') => {
    const rows = await store.db
      .selectFrom('traffic_minutes')
      .select([
        'minute',
        sql<number | string>`sum(count)`.as('calls'),
        sql<number | string>`sum(case when status >= 400 then count else 0 end)`.as('refused'),
        sql<number | string>`sum(case when sample = 1 then count else 0 end)`.as('sample'),
      ])
      .where('minute', '>=', query.from)
      .where('minute', '<', query.to)
      .where(sql<string>`substr(${sql.ref(column)}, 1, ${prefix.length})`, '=', prefix)
      .groupBy('minute')
      .orderBy('minute')
      .execute();
    const minutes = rows.map((row) => ({
      minute: Number(row.minute),
      calls: Number(row.calls),
      refused: Number(row.refused),
      sample: Number(row.sample),
    }));
    const last = minutes.at(-1);
    let lastCallAt: number | null = null;
    if (last !== undefined) {
      const latest = await store.db
        .selectFrom('log_entries')
        .select(sql<number | string | null>`max(started_at)`.as('at'))
        .where('started_at', '>=', last.minute)
        .where('started_at', '<', Math.min(last.minute + MINUTE_MS, query.to))
        .where(sql<string>`substr(${sql.ref(column)}, 1, ${prefix.length})`, '=', prefix)
        .executeTakeFirst();
      lastCallAt = latest?.at == null ? null : Number(latest.at);
    }
    return { minutes, lastCallAt };
  };
  const outbound = await direction('service_id');
  const inbound = await direction('client_id');
  const byMinute = new Map<number, { minute: number; outbound: number; inbound: number }>();
  const at = (minute: number) => {
    let entry = byMinute.get(minute);
    if (entry === undefined) {
      entry = { minute, outbound: 0, inbound: 0 };
      byMinute.set(minute, entry);
    }
    return entry;
  };
  for (const row of outbound.minutes) at(row.minute).outbound = row.calls;
  for (const row of inbound.minutes) at(row.minute).inbound = row.calls;
  const total = (
    rows: readonly { calls: number; refused: number; sample: number }[],
    lastCallAt: number | null,
  ) => ({
    calls: rows.reduce((sum, row) => sum + row.calls, 0),
    refused: rows.reduce((sum, row) => sum + row.refused, 0),
    sample: rows.reduce((sum, row) => sum + row.sample, 0),
    lastCallAt,
  });
  return {
    outbound: total(outbound.minutes, outbound.lastCallAt),
    inbound: total(inbound.minutes, inbound.lastCallAt),
    minutes: [...byMinute.values()].sort((a, b) => a.minute - b.minute),
  };
}
