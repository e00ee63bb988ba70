/** One transaction as the exchange hands it to the log, before it is numbered and chained. */
export interface TransactionRecord {
  readonly id: string; // UUIDv7, also sent as X-Cang-Id
  readonly startedAt: number; // Unix ms
  readonly durationMs: number;
  readonly clientId: string | null; // null when the client could not be identified
  readonly serviceId: string | null;
  readonly method: string;
  readonly path: string; // the rest of the path after the service id, as received
  readonly query: string | null;
  readonly status: number;
  readonly errorCode: string | null; // Cảng's own error code, or null for a provider's answer
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly requestBodyHash: string | null; // base64url SHA-256
  readonly responseBodyHash: string | null;
  readonly requestHash: string | null; // X-Cang-Request-Hash
  readonly userId: string | null;
  readonly subjectHash: string | null; // keyed hash of X-Cang-Subject, never the raw value
  readonly purpose: string | null;
  readonly traceId: string | null;
  /** Bodies, only when the service asks for them to be logged; each may be cut at the node's limit. */
  readonly bodies?: {
    readonly request: Buffer | null;
    readonly response: Buffer | null;
    readonly requestTruncated: boolean;
    readonly responseTruncated: boolean;
  };
}

/** A record once it is in the chain. */
export interface ChainedEntry extends Omit<TransactionRecord, 'bodies'> {
  readonly nodeId: string;
  readonly seq: number; // 1, 2, 3… per node
  readonly prevHash: string;
  readonly hash: string; // SHA-256(prevHash ‖ canonical entry), base64url
}

/** The log as the data plane sees it: `append` resolves once the record is durably committed. */
/** Running totals of a log's group commits. */
export interface CommitTotals {
  readonly commits: number;
  readonly entries: number;
  readonly seconds: number;
}

export interface TransactionLog {
  append(record: TransactionRecord): Promise<void>;
  /** Entries accepted but not yet committed (for /metrics). */
  queueDepth(): number;
  /** Group commits so far, the entries they held and the seconds they took (for /metrics). */
  commitTotals(): CommitTotals;
  /** Commits what is queued and stops accepting. */
  close(): Promise<void>;
}
