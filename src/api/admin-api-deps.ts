import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Registry as MetricsRegistry } from 'prom-client';
import type { Catalog } from '../catalog/index.js';
import type { Identity } from '../identity/index.js';
import type { AnchorAuthority, FederationStatus, Registry, SignedSnapshot } from '../registry/index.js';
import type { Steering } from '../steering/index.js';
import type { Store } from '../store/index.js';

/** The Fastify instance of the admin API, with the TypeBox type provider. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What the snapshot route needs: the current signed snapshot and its entity tag. */
export interface SnapshotSource {
  current(): Promise<{ readonly signed: SignedSnapshot; readonly etag: string }>;
}

/** What the admin API is built from. */
export interface AdminApiDeps {
  readonly store: Store;
  readonly identity: Identity;
  readonly registry: Registry;
  /** The shared data catalog; its routes (and the public open-data routes) are registered when set. */
  readonly catalog?: Catalog;
  readonly snapshotPublisher: SnapshotSource;
  /** The steering workspace; its routes under `/api/v1/steering` are registered when set. */
  readonly steering?: Steering;
  /**
   * The registry key and authority certificate this instance's anchor carries; when absent (a process
   * without the registry key) exporting the anchor answers `not-ready`.
   */
  readonly anchorAuthority?: () => Promise<AnchorAuthority>;
  /**
   * Whether the platform holds sample data (the server composes the parts' answers); the session says so,
   * and the console with it. None by default.
   */
  readonly sampleData?: () => Promise<boolean>;
  /** The partners' configurations as this node's polling holds them; by default none is known. */
  readonly federationStatus?: FederationStatus;
  /** A pino logger, or false for none (the default). */
  readonly logger?: Logger | false;
  /** Folder of the built console (index.html and assets); skipped when absent. */
  readonly consoleDir?: string;
  /** Largest request body in bytes; 1 MiB by default. */
  readonly bodyLimit?: number;
  /**
   * The proxies in front of the admin port (addresses or CIDR ranges, `CANG_TRUST_PROXY`): from their
   * requests only, `request.ip` and `request.protocol` come from X-Forwarded-For and X-Forwarded-Proto.
   */
  readonly trustProxy?: readonly string[];
  /** The admin port's public URL (`CANG_PUBLIC_URL`): the base of the links in public documents. */
  readonly publicUrl: string;
  /** Limits on slow clients; the defaults suit people and automation alike. */
  readonly timeouts?: Partial<AdminTimeouts>;
  /** Where the API's request durations are registered (the node's Prometheus registry); none when absent. */
  readonly metricsRegistry?: MetricsRegistry;
}

/** How long the admin port waits for a client. */
export interface AdminTimeouts {
  /** A whole request, from its first byte to its last (default 30 s). */
  readonly requestMs: number;
  /** A connection with nothing on it, idle keep-alive included (default 60 s). */
  readonly idleMs: number;
  /** How often the server looks for requests past their time (default 1 s). */
  readonly checkEveryMs: number;
}
