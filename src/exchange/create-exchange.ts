import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Registry } from 'prom-client';
import {
  CangError,
  type CertificateWithKey,
  EXCHANGE_DEFAULTS,
  organisationOf,
  sha256Hex,
} from '../core/index.js';
import type { SnapshotExternalPlatform } from '../registry/index.js';
import type { SnapshotSource } from './active-config.js';
import type { ExchangeContext, ExchangeLogger } from './exchange-context.js';
import { createExchangeMetrics } from './exchange-metrics.js';
import { createMetricsEndpoint, createMetricsServer, type MetricsSource } from './metrics-endpoint.js';
import type { LoggedBodyLimits } from './logged-body.js';
import { platformCredential } from './external-platform-credential.js';
import { createPlatformTokens } from './external-platform-tokens.js';
import type { ExchangeTls } from './exchange-tls.js';
import { createFederationListener } from './federation/federation-listener.js';
import type { PartnerConfigurations } from './federation/partner-configuration-source.js';
import { createPartnerDispatchers } from './federation/partner-dispatchers.js';
import { handleExchangeCall } from './handle-exchange-call.js';
import type { TransactionLog } from './log/log-entry.js';
import { ALWAYS_AVAILABLE, type LogStoreWatch } from './log-store-watch.js';
import { writeProblem } from './problem-response.js';
import { cachedOpenApiDocuments, type FetchOpenApi } from './openapi-documents.js';
import { createOutboundGuard, type OutboundPolicy } from './outbound-guard.js';
import { createProviderDispatchers, type DispatcherFactory } from './provider-dispatchers.js';
import { createQuotaCounter } from './quota-counter.js';
import { createRefusalLimiter, type RefusalLimit } from './refusal-limiter.js';

/** What the exchange is built from; `server.ts` supplies these. */
export interface ExchangeDeps {
  readonly nodeId: string;
  readonly instance: string;
  readonly snapshots: SnapshotSource;
  readonly log: TransactionLog;
  /**
   * Whether the log's store can be written; while it cannot, calls are refused with 503
   * `log-store-unavailable`. Always available when absent.
   */
  readonly logStore?: LogStoreWatch;
  /** Key of the keyed hash of `X-Cang-Subject`. */
  readonly subjectHashKey: string;
  /** Whether the store answers; part of /health/ready. */
  readonly ready?: () => Promise<boolean>;
  /** When given, the exchange speaks HTTPS and accepts client certificates, pinned by fingerprint. */
  readonly tls?: ExchangeTls;
  readonly logger?: ExchangeLogger;
  readonly now?: () => number;
  /** How many refusals one address may cause before they are no longer logged; the configuration's defaults when absent. */
  readonly refusalLimit?: RefusalLimit;
  /** Bytes kept of each logged body (services that log bodies); the configuration's defaults when absent. */
  readonly loggedBodyMaxBytes?: LoggedBodyLimits;
  /**
   * How `/metrics` is served: behind a scrape token when `token` is set; on the exchange port unless
   * `ownListener`, in which case `Exchange.metricsServer` serves it alone.
   */
  readonly metricsEndpoint?: { readonly token?: string; readonly ownListener?: boolean };
  /** What `/metrics` answers: this exchange's own registry unless given (a worker answers its node's). */
  readonly metricsSource?: MetricsSource;
  /** Outbound dispatcher per provider origin; an undici Pool by default. */
  readonly dispatcherFactory?: DispatcherFactory;
  /**
   * Where providers may live: loopback allowed or not, Cảng's other listening ports (the exchange's and
   * the federation listener's own are added), the resolver. Loopback is refused when absent.
   */
  readonly outbound?: Partial<Pick<OutboundPolicy, 'allowLoopback' | 'ownPorts' | 'lookup'>>;
  /** Opens an external platform's sealed secret; without it, calls to platforms fail with platform-auth-failed. */
  readonly openPlatformSecret?: (platform: SnapshotExternalPlatform) => string;
  /**
   * Fetches a service's OpenAPI document from the registry for getOpenAPI: in process in the all-in-one
   * process, over the node-signed channel on an exchange-only node. Without it getOpenAPI finds none.
   */
  readonly fetchOpenApi?: FetchOpenApi;
  /** When given, the node federates: a federation listener, and calls to partner instances. */
  readonly federation?: {
    /** The node's federation TLS identity, issued by this instance's authority. */
    readonly identity: CertificateWithKey;
    /** The partners' configurations as this node polls them. */
    readonly configurations: PartnerConfigurations;
  };
}

/** A built exchange: its server (not yet listening), its metrics registry, and a way to stop it. */
export interface Exchange {
  readonly server: Server | HttpsServer;
  /** The federation listener (not yet listening), when the node federates. */
  readonly federationServer: HttpsServer | undefined;
  readonly metrics: Registry;
  /** The listener (not yet listening) that serves only `/metrics`, when it has one of its own. */
  readonly metricsServer: Server | undefined;
  /**
   * Stops accepting (on both listeners), closes idle connections and provider and partner pools. Closing
   * the log and stopping the partner configurations are the caller's job.
   */
  close(): Promise<void>;
}

function stopListening(server: Server | HttpsServer): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

const silentLogger: ExchangeLogger = { info() {}, warn() {}, error() {} };
const fingerprints = new WeakMap<object, string | null>();

/** SHA-256 of the peer's DER certificate, cached per TLS connection. */
function tlsFingerprint(req: IncomingMessage): string | null {
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function') return null;
  let fingerprint = fingerprints.get(socket);
  if (fingerprint === undefined) {
    const raw = socket.getPeerCertificate()?.raw;
    fingerprint = raw === undefined ? null : sha256Hex(raw);
    fingerprints.set(socket, fingerprint);
  }
  return fingerprint;
}

/**
 * Builds the exchange data plane (ARCHITECTURE.md, "Exchange protocol (version r1)") on plain node:http
 * or node:https. `/health/live`, `/health/ready` and `/metrics` sit outside authentication.
 *
 * @example
 * const exchange = createExchange({ nodeId, instance, snapshots, log, subjectHashKey });
 * exchange.server.listen(8081);
 */
export function createExchange(deps: ExchangeDeps): Exchange {
  // Built below; the outbound guard reads their ports (and the metrics listener's) once they listen.
  let server: Server | HttpsServer | undefined;
  let federationServer: HttpsServer | undefined;
  const metrics = createExchangeMetrics(
    deps.log,
    deps.snapshots,
    deps.federation?.configurations,
    deps.now ?? Date.now,
  );
  const guard = createOutboundGuard({
    allowLoopback: deps.outbound?.allowLoopback ?? false,
    ownPorts: () => [
      ...(deps.outbound?.ownPorts?.() ?? []),
      ...[server, federationServer, metricsServer].flatMap((listener) => {
        const address = listener?.address();
        return address !== null && typeof address === 'object' ? [address.port] : [];
      }),
    ],
    allowListOf: (organisation) => deps.snapshots.current()?.allowLists.get(organisation) ?? [],
    ...(deps.outbound?.lookup === undefined ? {} : { lookup: deps.outbound.lookup }),
  });
  const tokens = createPlatformTokens({
    // The token endpoint is reached for the platform system's organisation, under the same guard.
    dispatcherFor: (platform, tokenUrl) =>
      dispatchers.forOrigin(organisationOf(platform.system)!, new URL(tokenUrl).origin),
    openSecret:
      deps.openPlatformSecret ??
      (() => {
        throw new CangError('platform-auth-failed', 'This node holds no secrets key (CANG_SECRETS_KEY)');
      }),
  });
  const dispatchers = createProviderDispatchers(guard, deps.dispatcherFactory, (system) =>
    platformCredential(() => deps.snapshots.current()?.platforms.get(system), tokens),
  );
  const federation =
    deps.federation === undefined
      ? undefined
      : {
          configurations: deps.federation.configurations,
          dispatchers: createPartnerDispatchers(deps.federation.identity),
        };
  const ctx: ExchangeContext = {
    nodeId: deps.nodeId,
    instance: deps.instance,
    instancePrefix: `${deps.instance}/`,
    snapshots: deps.snapshots,
    log: deps.log,
    logStore: deps.logStore ?? ALWAYS_AVAILABLE,
    subjectHashKey: deps.subjectHashKey,
    now: deps.now ?? Date.now,
    quotas: createQuotaCounter(),
    refusals: createRefusalLimiter(
      deps.refusalLimit ?? {
        burst: EXCHANGE_DEFAULTS.refusalBurst,
        perSecond: EXCHANGE_DEFAULTS.refusalsPerSecond,
      },
    ),
    loggedBodyMaxBytes: deps.loggedBodyMaxBytes ?? {
      request: EXCHANGE_DEFAULTS.loggedRequestBodyMaxBytes,
      response: EXCHANGE_DEFAULTS.loggedResponseBodyMaxBytes,
    },
    dispatchers,
    metrics,
    logger: deps.logger ?? silentLogger,
    certificateFingerprint: deps.tls === undefined ? () => null : tlsFingerprint,
    openApi: cachedOpenApiDocuments(deps.fetchOpenApi ?? (async () => null)),
    federation,
  };
  const ready = deps.ready ?? (async () => true);

  async function answerReady(res: ServerResponse): Promise<void> {
    const config = ctx.snapshots.current();
    const storeReady = await ready().catch(() => false);
    if (config === undefined || !storeReady) {
      writeProblem(
        res,
        new CangError('not-ready', config === undefined ? 'No valid configuration' : 'Store unavailable'),
        null,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', configVersion: config.version }));
  }

  const metricsSource = deps.metricsSource ?? metrics.registry;
  const answerMetrics = createMetricsEndpoint(metricsSource, deps.metricsEndpoint?.token, ctx.logger);
  const metricsOwnListener = deps.metricsEndpoint?.ownListener === true;

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url;
    if (url === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"live"}');
      return;
    }
    if (url === '/health/ready') {
      answerReady(res).catch((error: unknown) => {
        ctx.logger.error({ err: error }, 'health check failed');
        writeProblem(res, error, null);
      });
      return;
    }
    if (url === '/metrics' && !metricsOwnListener) {
      answerMetrics(req, res);
      return;
    }
    try {
      handleExchangeCall(ctx, req, res);
    } catch (error) {
      // The error boundary: nothing internal reaches the caller.
      ctx.logger.error({ err: error }, 'exchange call failed');
      if (!res.headersSent) writeProblem(res, error, null);
      else res.destroy();
    }
  }

  server =
    deps.tls === undefined
      ? createHttpServer(onRequest)
      : createHttpsServer(
          {
            key: deps.tls.key,
            cert: deps.tls.cert,
            ...(deps.tls.ca === undefined ? {} : { ca: deps.tls.ca }),
            // Client certificates are pinned by fingerprint in the registry, not chained to a CA.
            requestCert: true,
            rejectUnauthorized: false,
          },
          onRequest,
        );
  federationServer =
    deps.federation === undefined ? undefined : createFederationListener(ctx, deps.federation);
  const metricsServer = metricsOwnListener
    ? createMetricsServer(metricsSource, deps.metricsEndpoint?.token, ctx.logger)
    : undefined;
  return {
    server,
    federationServer,
    metrics: metrics.registry,
    metricsServer,
    async close() {
      await Promise.all([
        stopListening(server),
        federationServer && stopListening(federationServer),
        metricsServer && stopListening(metricsServer),
      ]);
      await Promise.all([dispatchers.close(), federation?.dispatchers.close()]);
    },
  };
}
