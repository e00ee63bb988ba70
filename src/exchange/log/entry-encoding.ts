import { hash } from 'node:crypto';
import type { LogEntryTable } from '../../store/index.js';
import type { ChainedEntry, TransactionRecord } from './log-entry.js';

/*
 * The canonical entry: what each chain hash covers, and what every verifier must reproduce byte for byte.
 *
 *   canonical = JSON array (JSON.stringify, no whitespace) of exactly these 21 values, in this order:
 *     0 nodeId, 1 seq, 2 id, 3 startedAt, 4 clientId, 5 serviceId, 6 method, 7 path, 8 query, 9 status,
 *     10 errorCode, 11 requestBytes, 12 responseBytes, 13 requestBodyHash, 14 responseBodyHash,
 *     15 requestHash, 16 userId, 17 subjectHash, 18 purpose, 19 traceId, 20 durationMs
 *   strings are JSON strings (well-formed UTF-16, encoded as UTF-8), absent values are `null`,
 *   integers are plain decimals, durationMs is ECMAScript's shortest round-trip number form.
 *   hash = base64url(SHA-256(UTF-8(prevHash ‖ canonical))), ‖ being plain concatenation
 *   (prevHash is always 43 base64url characters, so the split is unambiguous).
 *   The first entry of a node has prevHash = base64url(SHA-256("cang-genesis:" + nodeId)).
 *
 * A fixed-order array needs no key sorting, and durationMs comes last so that SQLite can build the
 * prefix in SQL during verification (see verify-log.ts).
 */

/** The `log_entries` columns of the canonical values, in the canonical order. */
export const CANONICAL_COLUMNS: readonly (keyof LogEntryTable)[] = [
  'node_id',
  'seq',
  'id',
  'started_at',
  'client_id',
  'service_id',
  'method',
  'path',
  'query',
  'status',
  'error_code',
  'request_bytes',
  'response_bytes',
  'request_body_hash',
  'response_body_hash',
  'request_hash',
  'user_id',
  'subject_hash',
  'purpose',
  'trace_id',
  'duration_ms',
];

/** Number of values in the canonical entry array. */
export const CANONICAL_FIELD_COUNT = CANONICAL_COLUMNS.length;

const INTEGER_COLUMNS: ReadonlySet<string> = new Set([
  'seq',
  'started_at',
  'status',
  'request_bytes',
  'response_bytes',
]);

/**
 * The canonical array of the first 20 values (all but durationMs) as SQLite's json_array builds it, for
 * verification on SQLite, which appends durationMs in JS. Integer columns outside SQLite's integer storage
 * class become null, which can never equal the canonical form of a NOT NULL integer, so such rows fall
 * back to the JS encoding and are judged there.
 */
export const SQLITE_CANONICAL_PREFIX = `json_array(${CANONICAL_COLUMNS.slice(0, -1)
  .map((column) =>
    INTEGER_COLUMNS.has(column) ? `iif(typeof(${column}) = 'integer', ${column}, null)` : column,
  )
  .join(', ')})`;

/** The prev hash of a node's first entry: base64url SHA-256 of `cang-genesis:{nodeId}`. */
export function genesisHash(nodeId: string): string {
  return sha256(`cang-genesis:${nodeId}`);
}

/** base64url SHA-256 of a string (one-shot `crypto.hash`, several times cheaper than createHash). */
export function sha256(data: string): string {
  return hash('sha256', data, 'base64url');
}

/** The canonical values of an entry, in the documented order. */
export function canonicalValues(e: Omit<ChainedEntry, 'prevHash' | 'hash'>): unknown[] {
  return [
    e.nodeId,
    e.seq,
    e.id,
    e.startedAt,
    e.clientId,
    e.serviceId,
    e.method,
    e.path,
    e.query,
    e.status,
    e.errorCode,
    e.requestBytes,
    e.responseBytes,
    e.requestBodyHash,
    e.responseBodyHash,
    e.requestHash,
    e.userId,
    e.subjectHash,
    e.purpose,
    e.traceId,
    e.durationMs,
  ];
}

/** The canonical entry string (see the comment at the top of this file). */
export function canonicalEntry(e: Omit<ChainedEntry, 'prevHash' | 'hash'>): string {
  return JSON.stringify(canonicalValues(e));
}

/** The chain hash of an entry given its prev hash and canonical string. */
export function entryHash(prevHash: string, canonical: string): string {
  return sha256(prevHash + canonical);
}

/** Numbers and chains a record. Integers are rounded and strings made well-formed so that what is stored is what was hashed. */
export function chainRecord(
  record: TransactionRecord,
  nodeId: string,
  seq: number,
  prevHash: string,
): ChainedEntry {
  let base: Omit<ChainedEntry, 'prevHash' | 'hash'> = {
    nodeId,
    seq,
    id: record.id,
    startedAt: toInteger(record.startedAt),
    durationMs: Number.isFinite(record.durationMs) ? record.durationMs : 0,
    clientId: record.clientId,
    serviceId: record.serviceId,
    method: record.method,
    path: record.path,
    query: record.query,
    status: toInteger(record.status),
    errorCode: record.errorCode,
    requestBytes: toInteger(record.requestBytes),
    responseBytes: toInteger(record.responseBytes),
    requestBodyHash: record.requestBodyHash,
    responseBodyHash: record.responseBodyHash,
    requestHash: record.requestHash,
    userId: record.userId,
    subjectHash: record.subjectHash,
    purpose: record.purpose,
    traceId: record.traceId,
  };
  let canonical = canonicalEntry(base);
  // JSON.stringify escapes a lone surrogate as \udXXX; the store would turn it into U+FFFD, so fix it first.
  if (canonical.includes('\\ud')) {
    base = wellFormed(base);
    canonical = canonicalEntry(base);
  }
  return { ...base, prevHash, hash: entryHash(prevHash, canonical) };
}

function toInteger(value: number): number {
  return Number.isFinite(value) ? Math.round(value) : 0;
}

const LONE_SURROGATE = /\p{Surrogate}/gu;

function wellFormed<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v;
  }
  return out as T;
}

/** A chained entry as a `log_entries` row. */
export function entryToRow(e: ChainedEntry): LogEntryTable {
  return {
    node_id: e.nodeId,
    seq: e.seq,
    id: e.id,
    started_at: e.startedAt,
    duration_ms: e.durationMs,
    client_id: e.clientId,
    service_id: e.serviceId,
    method: e.method,
    path: e.path,
    query: e.query,
    status: e.status,
    error_code: e.errorCode,
    request_bytes: e.requestBytes,
    response_bytes: e.responseBytes,
    request_body_hash: e.requestBodyHash,
    response_body_hash: e.responseBodyHash,
    request_hash: e.requestHash,
    user_id: e.userId,
    subject_hash: e.subjectHash,
    purpose: e.purpose,
    trace_id: e.traceId,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** A `log_entries` row as a chained entry. */
export function rowToEntry(r: LogEntryTable): ChainedEntry {
  return {
    nodeId: r.node_id,
    seq: r.seq,
    id: r.id,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    clientId: r.client_id,
    serviceId: r.service_id,
    method: r.method,
    path: r.path,
    query: r.query,
    status: r.status,
    errorCode: r.error_code,
    requestBytes: r.request_bytes,
    responseBytes: r.response_bytes,
    requestBodyHash: r.request_body_hash,
    responseBodyHash: r.response_body_hash,
    requestHash: r.request_hash,
    userId: r.user_id,
    subjectHash: r.subject_hash,
    purpose: r.purpose,
    traceId: r.trace_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
