/*
 * Owned by the exchange: the transaction log, its seals and bodies, and the per-minute traffic figures. Only
 * this part reads or writes these tables (scripts/check-dependency-direction.ts).
 */

/** One transaction of the exchange, chained to the node's previous entry. */
export interface LogEntryTable {
  node_id: string;
  seq: number;
  id: string; // transaction id, UUIDv7
  started_at: number;
  duration_ms: number;
  client_id: string | null;
  service_id: string | null;
  method: string;
  path: string;
  query: string | null;
  status: number;
  error_code: string | null;
  request_bytes: number;
  response_bytes: number;
  request_body_hash: string | null;
  response_body_hash: string | null;
  request_hash: string | null; // X-Cang-Request-Hash
  user_id: string | null;
  subject_hash: string | null;
  purpose: string | null;
  trace_id: string | null;
  prev_hash: string;
  hash: string;
}

/** A node's signature over its chain head. */
export interface LogSealTable {
  node_id: string;
  seq: number; // the chain head sealed
  head_hash: string;
  sealed_at: number;
  key_id: string;
  signature: string;
}

/** The bodies of a transaction, for a service that asks for them. */
export interface LogBodyTable {
  id: string; // transaction id
  request_body: string | null; // base64
  response_body: string | null; // base64
  /** 1 when the body was longer than the node keeps and was cut. */
  request_truncated: number;
  response_truncated: number;
}

/** Calls per minute, client, service, status and sample mark, with their latency distribution. */
export interface TrafficMinuteTable {
  minute: number; // Unix ms at the start of the minute
  client_id: string;
  service_id: string;
  status: number;
  count: number;
  total_ms: number;
  latency_buckets: string; // JSON array of counts per LATENCY_BUCKETS_MS upper bound, last is +Inf
  /** 1: calls with the sample purpose code, which measured indicators leave out; 0 for real calls. */
  sample: number;
  /** The node whose log wrote the row: each node keeps its own rows; '' for figures older than that. */
  node_id: string;
}

/** The tables of the exchange part, by name. */
export interface ExchangeTables {
  log_entries: LogEntryTable;
  log_seals: LogSealTable;
  log_bodies: LogBodyTable;
  traffic_minutes: TrafficMinuteTable;
}
