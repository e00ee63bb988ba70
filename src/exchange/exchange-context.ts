import type { IncomingMessage } from 'node:http';
import type { SnapshotSource } from './active-config.js';
import type { ExchangeMetrics } from './exchange-metrics.js';
import type { FederationContext } from './federation/federation-context.js';
import type { TransactionLog } from './log/log-entry.js';
import type { LogStoreWatch } from './log-store-watch.js';
import type { OpenApiDocuments } from './openapi-documents.js';
import type { ProviderDispatchers } from './provider-dispatchers.js';
import type { LoggedBodyLimits } from './logged-body.js';
import type { QuotaCounter } from './quota-counter.js';
import type { RefusalLimiter } from './refusal-limiter.js';

/** A pino-like logger; only these three levels are used. */
export interface ExchangeLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** Everything a call needs, built once per exchange. */
export interface ExchangeContext {
  readonly nodeId: string;
  /** This instance's identifier, and the same followed by `/`: the start of every local service id. */
  readonly instance: string;
  readonly instancePrefix: string;
  readonly snapshots: SnapshotSource;
  readonly log: TransactionLog;
  /** Whether the log can be written now; calls are refused while it cannot. */
  readonly logStore: LogStoreWatch;
  readonly subjectHashKey: string;
  readonly now: () => number;
  readonly quotas: QuotaCounter;
  /** Bytes kept of each logged body. */
  readonly loggedBodyMaxBytes: LoggedBodyLimits;
  /** Each caller address's allowance of refusals that are logged. */
  readonly refusals: RefusalLimiter;
  readonly dispatchers: ProviderDispatchers;
  readonly metrics: ExchangeMetrics;
  readonly logger: ExchangeLogger;
  /** SHA-256 fingerprint of the caller's TLS certificate, or null without TLS or certificate. */
  readonly certificateFingerprint: (req: IncomingMessage) => string | null;
  /** The services' OpenAPI documents, from the registry, for getOpenAPI. */
  readonly openApi: OpenApiDocuments;
  /** Absent when the node does not federate: calls to partners answer partner-configuration-invalid. */
  readonly federation: FederationContext | undefined;
}
