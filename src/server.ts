/**
 * Composition root: builds the parts from the configuration and wires them together. No logic of its own
 * beyond the order things start in.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { Registry as MetricsRegistry } from 'prom-client';
import pino, { type Logger } from 'pino';
import { type Catalog, catalogMeasures, createCatalog, scheduleSharingExpiry } from './catalog/index.js';
import {
  type Config,
  CangError,
  loadPrivateKey,
  loopbackProvidersAllowed,
  openSecret,
  secretBoxKey,
} from './core/index.js';
import {
  createExchange,
  createLogStoreWatch,
  createMetricsServer,
  createPartnerConfigurationSource,
  createProcessMetricsRegistry,
  createPollingSnapshotSource,
  createTransactionLog,
  type ExchangeWorkers,
  feedMemorySnapshots,
  primaryMetricsSource,
  type PartnerConfigurationSource,
  readExchangeTls,
  scheduleLogPartitions,
  scheduleLogRetention,
  type FetchOpenApi,
  fetchOpenApiFromRegistry,
  type SnapshotSource,
  serveAsExchangeWorker,
  superviseExchangeWorkers,
} from './exchange/index.js';
import {
  createIdentity,
  ensureFirstAdministrator,
  seedSampleUsers,
  type FirstAdministrator,
  type Identity,
} from './identity/index.js';
import {
  createRegistry,
  type FederationIdentity,
  type FederationStatus,
  loadOrCreateAuthorityCertificate,
  loadOrCreateFederationIdentity,
  readFederationIdentity,
  createSnapshotPublisher,
  type IdentifiedKeyPair,
  type NodeSigner,
  loadOrCreatePlatformKeys,
  type Registry,
  type SnapshotPublisher,
} from './registry/index.js';
import type { SampleCallResult, SampleExchange } from './sample/index.js';
import {
  createSteering,
  officialWorkingCalendar,
  SAMPLE_COMMUNE_REPORTERS,
  seedSteeringReference,
  type Steering,
} from './steering/index.js';
import { type AuditActor, createStore, type Store, sqliteFileIn, storeAnswers } from './store/index.js';

/** The actor the platform itself uses for changes it makes on start. */
export const PLATFORM_ACTOR: AuditActor = { id: 'system:platform', remoteAddress: null };

/** The parts every command works with, opened over the configured store. */
export interface Platform {
  readonly config: Config;
  readonly store: Store;
  readonly registry: Registry;
  readonly identity: Identity;
  readonly steering: Steering;
  readonly catalog: Catalog;
  readonly publisher: SnapshotPublisher;
  /** This node's signing key and its id in the registry. */
  readonly nodeKey: IdentifiedKeyPair;
  readonly registryKey: IdentifiedKeyPair;
  readonly subjectHashKey: string;
  /** Seals and opens external platforms' secrets. */
  readonly secretsKey: Buffer;
  /** The partners' configurations as this process polls them; knows none until the exchange starts polling. */
  readonly federationStatus: FederationStatus & { attach(source: FederationStatus): void };
  /** Subscribes to committed registry changes. */
  onRegistryChange(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * The registry and the admin API read the partners' configurations, which the exchange polls and which
 * exist only once it has started: they are handed this view, attached to the poller then.
 */
function lateFederationStatus(): FederationStatus & { attach(source: FederationStatus): void } {
  let source: FederationStatus | undefined;
  return {
    current: (instance) => source?.current(instance),
    status: (instance) => source?.status(instance),
    attach: (attached) => {
      source = attached;
    },
  };
}

/** Opens the store (migrating it) and builds the registry, identity and snapshot publisher over it. */
export async function openPlatform(config: Config): Promise<Platform> {
  const store = createStore(
    config.databaseUrl ? { postgresUrl: config.databaseUrl } : { sqliteFile: sqliteFileIn(config.dataDir) },
  );
  await store.migrate();
  const { registryKey, nodeKey, subjectHashKey, secretsKey } = loadOrCreatePlatformKeys(
    config.dataDir,
    config.nodeId,
    {
      subjectHashKey: config.subjectHashKey,
      secretsKey: config.secretsKey,
    },
  );
  const sealingKey = secretBoxKey(secretsKey);
  const listeners: (() => void)[] = [];
  const federationStatus = lateFederationStatus();
  const registry = createRegistry({
    federationConfigurations: federationStatus,
    store,
    instance: config.instance,
    onChange: () => {
      for (const listener of listeners) listener();
    },
    secretsKey: sealingKey,
    allowLoopbackProviders: loopbackProvidersAllowed(config),
  });
  const identity = createIdentity({
    store,
    ...(config.apiTokenDays === undefined
      ? {}
      : { apiTokenTtlMs: config.apiTokenDays * 24 * 60 * 60 * 1000 }),
  });
  // Steering measures the catalog's figures through functions handed over here, never importing the
  // catalog; the catalog counts its deadlines in steering's working calendar, never importing steering.
  const workingCalendar = officialWorkingCalendar(store.db);
  const steering = createSteering({ store, measureSources: catalogMeasures(store, workingCalendar) });
  const publisher = createSnapshotPublisher({
    registry,
    privateKey: loadPrivateKey(registryKey.privateKey),
    keyId: registryKey.id,
    expiresInSeconds: config.exchange.snapshotMaxAgeSeconds,
  });
  const catalog = createCatalog({
    store,
    registry,
    // Current key first; earlier keys still find what was logged before a rotation.
    subjectHashKeys: [subjectHashKey, ...(config.previousSubjectHashKeys ?? [])],
    workingCalendar,
  });
  return {
    config,
    store,
    registry,
    identity,
    steering,
    catalog,
    publisher,
    nodeKey,
    registryKey,
    subjectHashKey,
    secretsKey: sealingKey,
    federationStatus,
    onRegistryChange: (listener) => listeners.push(listener),
    close: () => store.close(),
  };
}

/** A running Cảng process. */
export interface RunningServer {
  readonly adminUrl: string | undefined;
  readonly exchangeUrl: string | undefined;
  /** The federation listener, when this node federates. */
  readonly federationUrl: string | undefined;
  /** The metrics listener, when `/metrics` has a port of its own (CANG_METRICS_PORT). */
  readonly metricsUrl: string | undefined;
  /** The partners' configurations this node polls, when it federates. */
  readonly partnerConfigurations: PartnerConfigurationSource | undefined;
  /** Set on the very first start only: the generated administrator login, to print once. */
  readonly firstAdministrator: FirstAdministrator | undefined;
  /** When `cang sample remove` removed the sample data: no start seeds it again, whatever the config says. */
  readonly sampleRemovedAt: string | undefined;
  /** Number of sample organisations created on this start (0 when they were there already). */
  readonly seededOrganisations: number;
  /** The sample exchange, when sample mode runs it: its provider, tokens file and first calls. */
  readonly sampleExchange: SampleExchange | undefined;
  /** Why sample mode runs no sample exchange, when it does not (the banner says so). */
  readonly sampleExchangeOff: string | undefined;
  readonly platform: Platform;
  /** The exchange's worker processes, when this process supervises several (CANG_EXCHANGE_WORKERS). */
  readonly exchangeWorkers: ExchangeWorkers | undefined;
  close(): Promise<void>;
}

/** Listens and returns the URL the server answers at. */
async function listen(server: Server, port: number, host: string, scheme: 'http' | 'https'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return urlOf(server, scheme);
}

function urlOf(server: Server, scheme: 'http' | 'https'): string {
  // A TCP listener's address is always an AddressInfo (a string only for a pipe or socket file).
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${shownHost}:${address.port}`;
}

/** Starts the configured servers: admin API and console, exchange, or both (the default). */
export async function startServer(
  config: Config,
  options: {
    logger?: Logger;
    /** Between two sample trickle calls (a test asks for more than a few a minute), and each one's result. */
    sampleTrickle?: { everyMs: number; onCall: (result: SampleCallResult) => void };
    /**
     * Runs this process as exchange worker N of its node (`config.nodeId` already the worker's own): the
     * exchange only, served until the primary stops it; the primary seeds, administers and samples.
     */
    exchangeWorker?: number;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { node: config.nodeId } });
  const platform = await openPlatform(config);
  const closers: (() => Promise<void> | void)[] = [() => platform.close()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  const worker = options.exchangeWorker;
  // Several exchange workers: this process (the primary) forks them and runs everything but the exchange.
  const supervisesWorkers = worker === undefined && (config.exchangeWorkers ?? 1) > 1;
  try {
    // Where start-up data is loaded: neither in an exchange worker (its primary did) nor on an
    // exchange-only node without sample mode, which never holds the sample's code either.
    const seedsData = worker === undefined && (config.seedSample || config.role !== 'exchange');
    // Reference data is no sample: every install holds it, whatever the sample gate says, and the
    // sample builds on it.
    if (seedsData) await seedSteeringReference(platform.steering, PLATFORM_ACTOR);
    const sample = seedsData ? await import('./sample/index.js') : undefined;
    // Every sample seed asks this one answer: once removed, the sample never comes back on a restart.
    const sampleRemoved = await sample?.sampleRemovedAt(platform.store.db);
    const seedsSample = config.seedSample && sample !== undefined && sampleRemoved === undefined;
    const seeded = seedsSample ? await sample?.seedSample(platform, PLATFORM_ACTOR) : undefined;
    const firstAdministrator =
      worker === undefined ? await ensureFirstAdministrator(platform.identity) : undefined;
    // After the first administrator: a store whose only users are sample ones has no administrator.
    if (seedsSample) await seedSampleUsers(platform.identity, SAMPLE_COMMUNE_REPORTERS, PLATFORM_ACTOR);
    const federationIdentity = await federationIdentityFor(platform);
    // Registered with its federation address and TLS key, so that partners are shown this node.
    await platform.registry.nodes.ensureRegistered(
      PLATFORM_ACTOR,
      config.nodeId,
      platform.nodeKey.publicKey,
      federationIdentity === undefined || config.federation === undefined
        ? undefined
        : { address: config.federation.address, tlsFingerprint: federationIdentity.tlsFingerprint },
    );

    // Cảng's own ports, which no provider may be on: as configured, and as bound once listening (port 0).
    const ownPorts = new Set(
      [config.adminPort, config.exchangePort, config.federation?.port ?? 0, config.metrics?.port ?? 0].filter(
        (port) => port !== 0,
      ),
    );
    const bound = (url: string): string => {
      ownPorts.add(Number(new URL(url).port));
      return url;
    };
    let exchangeUrl: string | undefined;
    let federationUrl: string | undefined;
    let metricsUrl: string | undefined;
    // The node's one Prometheus registry: the exchange's, or the process metrics of an admin-only node.
    let metricsRegistry: MetricsRegistry | undefined;
    let partnerConfigurations: PartnerConfigurationSource | undefined;
    // The configuration version the exchange serves, for the sample traffic to wait for.
    let servedVersion: () => number | undefined = () => undefined;
    let exchangeWorkers: ExchangeWorkers | undefined;
    if (supervisesWorkers) {
      // The admin API's request metrics, added to the workers' aggregate; the process metrics are theirs.
      metricsRegistry = config.role === 'all' ? new MetricsRegistry() : undefined;
      // Partitions are the store's, made once for every chain; each worker prunes its own chain.
      closers.push(scheduleLogPartitions({ store: platform.store, logger }));
      const started = await superviseExchangeWorkers({
        count: config.exchangeWorkers ?? 1,
        logger,
        ...(metricsRegistry === undefined ? {} : { ownMetrics: metricsRegistry }),
      });
      exchangeWorkers = started;
      closers.push(() => started.close());
      servedVersion = started.servedVersion;
      exchangeUrl = bound(started.urls.exchangeUrl);
      if (config.metrics?.port !== undefined) {
        const metricsServer = createMetricsServer(started.metrics, config.metrics.token, logger);
        closers.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
        metricsUrl = bound(await listen(metricsServer, config.metrics.port, config.host, 'http'));
      }
    } else if (config.role !== 'admin') {
      const logStore = createLogStoreWatch({ answers: () => storeAnswers(platform.store) });
      closers.push(() => logStore.close());
      const log = await createTransactionLog({
        store: platform.store,
        nodeId: config.nodeId,
        signingKey: loadPrivateKey(platform.nodeKey.privateKey),
        keyId: platform.nodeKey.id,
        sealEveryEntries: config.exchange.sealEveryEntries,
        sealEverySeconds: config.exchange.sealEverySeconds,
        groupCommitMaxEntries: config.exchange.groupCommitMaxEntries,
        onError: (error) => {
          logStore.commitFailed();
          logger.error({ err: error }, 'transaction log commit failed');
        },
      });
      closers.push(() => log.close());
      if (worker === undefined) closers.push(scheduleLogPartitions({ store: platform.store, logger }));
      closers.push(
        scheduleLogRetention({
          store: platform.store,
          nodeId: config.nodeId,
          retentionDays: config.exchange.retentionDays,
          logger,
        }),
      );
      const snapshots = await snapshotSourceFor(platform, logger, closers);
      servedVersion = () => snapshots.current()?.version;
      const tls = readExchangeTls(config.exchange.tls);
      const federation =
        federationIdentity === undefined || config.federation === undefined
          ? undefined
          : {
              identity: federationIdentity,
              configurations: createPartnerConfigurationSource({
                instance: config.instance,
                snapshots,
                identity: federationIdentity,
                dir: join(config.dataDir, 'federation'),
                pollSeconds: config.federation.pollSeconds,
                logger,
              }),
            };
      if (federation !== undefined) {
        partnerConfigurations = federation.configurations;
        platform.federationStatus.attach(federation.configurations);
        await federation.configurations.start();
        closers.push(() => federation.configurations.stop());
      }
      const exchange = createExchange({
        nodeId: config.nodeId,
        instance: config.instance,
        snapshots,
        log,
        subjectHashKey: platform.subjectHashKey,
        openPlatformSecret: (external) =>
          openSecret(platform.secretsKey, external.sealedSecret, external.system),
        // The same check as the admin port's /health/ready; an unanswered one also turns calls away.
        ready: () => logStore.probe(),
        logStore,
        logger,
        outbound: { allowLoopback: loopbackProvidersAllowed(config), ownPorts: () => ownPorts },
        fetchOpenApi: openApiSourceFor(platform),
        refusalLimit: { burst: config.exchange.refusalBurst, perSecond: config.exchange.refusalsPerSecond },
        loggedBodyMaxBytes: {
          request: config.exchange.loggedRequestBodyMaxBytes,
          response: config.exchange.loggedResponseBodyMaxBytes,
        },
        metricsEndpoint: {
          ...(config.metrics?.token === undefined ? {} : { token: config.metrics.token }),
          ownListener: config.metrics?.port !== undefined,
        },
        // A scrape sees the whole node whichever worker it reaches (the primary serves the metrics port).
        ...(worker === undefined ? {} : { metricsSource: primaryMetricsSource() }),
        ...(tls ? { tls } : {}),
        ...(federation ? { federation } : {}),
      });
      closers.push(() => exchange.close());
      metricsRegistry = exchange.metrics;
      exchangeUrl = bound(
        await listen(exchange.server, config.exchangePort, config.host, tls ? 'https' : 'http'),
      );
      if (exchange.federationServer !== undefined && config.federation !== undefined) {
        federationUrl = bound(
          await listen(exchange.federationServer, config.federation.port, config.host, 'https'),
        );
      }
      if (worker !== undefined) {
        const urls = { exchangeUrl };
        serveAsExchangeWorker({ urls, metrics: exchange.metrics, servedVersion, close }, logger);
      } else if (exchange.metricsServer !== undefined && config.metrics?.port !== undefined) {
        metricsUrl = bound(await listen(exchange.metricsServer, config.metrics.port, config.host, 'http'));
      }
    }

    let adminUrl: string | undefined;
    if (config.role !== 'exchange' && worker === undefined) {
      if (metricsRegistry === undefined && config.metrics?.port !== undefined) {
        // An admin-only node has no exchange port: its metrics are served only on their own port.
        metricsRegistry = createProcessMetricsRegistry();
        const metricsServer = createMetricsServer(metricsRegistry, config.metrics.token, logger);
        closers.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
        metricsUrl = await listen(metricsServer, config.metrics.port, config.host, 'http');
      }
      // Loaded by the nodes that serve it only: an exchange-only node never holds the admin API's code.
      const { createAdminApi } = await import('./api/index.js');
      const { sampleDataPresence } = sample ?? (await import('./sample/index.js'));
      const admin = await createAdminApi({
        ...(metricsRegistry === undefined ? {} : { metricsRegistry }),
        publicUrl: config.publicUrl,
        federationStatus: platform.federationStatus,
        anchorAuthority: async () => ({
          publicKey: platform.registryKey.publicKey,
          certificate: await loadOrCreateAuthorityCertificate(
            config.dataDir,
            config.instance,
            platform.registryKey,
          ),
        }),
        store: platform.store,
        identity: platform.identity,
        registry: platform.registry,
        steering: platform.steering,
        catalog: platform.catalog,
        sampleData: sampleDataPresence(platform),
        snapshotPublisher: platform.publisher,
        logger,
        ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
        // The built console (npm run build:console), served at / when present.
        ...(existsSync(join(import.meta.dirname, '../console/dist/index.html'))
          ? { consoleDir: join(import.meta.dirname, '../console/dist') }
          : {}),
      });
      closers.push(() => admin.close());
      closers.push(scheduleSharingExpiry(platform.catalog.sharingRequests, PLATFORM_ACTOR, logger));
      await admin.listen({ port: config.adminPort, host: config.host });
      adminUrl = bound(urlOf(admin.server, 'http'));
    }

    const sampleExchangeOff = seedsSample ? sampleExchangeRefusal(config, exchangeUrl) : 'off';
    let sampleExchange: SampleExchange | undefined;
    if (sample !== undefined && sampleExchangeOff === undefined && exchangeUrl !== undefined) {
      sampleExchange = await sample.startSampleExchange({
        registry: platform.registry,
        actor: PLATFORM_ACTOR,
        dataDir: config.dataDir,
        exchangeUrl,
        providerPort: config.sampleProviderPort ?? 0,
        traffic: config.sampleTraffic ?? true,
        untilServed: async () => {
          const version = await platform.registry.configVersion();
          // The in-memory feed takes the change at once; this waits for that hand-over, not for a poll.
          for (let waited = 0; (servedVersion() ?? 0) < version; waited += 20) {
            if (waited > 10_000)
              throw new CangError('internal', 'The exchange did not take the sample configuration');
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
        onError: (error) => logger.warn({ err: error }, 'a sample call failed'),
        ...(options.sampleTrickle
          ? { trickleEveryMs: options.sampleTrickle.everyMs, onTrickleCall: options.sampleTrickle.onCall }
          : {}),
      });
      const running = sampleExchange;
      closers.push(() => running.close());
    }
    // After the sample exchange, whose services and client systems the sample catalog links to.
    if (seedsSample) {
      await sample?.seedSampleCatalog(
        platform,
        PLATFORM_ACTOR,
        sampleExchange === undefined ? undefined : exchangeUrl,
      );
    }

    return {
      adminUrl,
      exchangeUrl,
      sampleExchange,
      sampleExchangeOff: seedsSample ? sampleExchangeOff : undefined,
      sampleRemovedAt: sampleRemoved,
      federationUrl,
      metricsUrl,
      partnerConfigurations,
      firstAdministrator,
      seededOrganisations: seeded?.created.length ?? 0,
      platform,
      exchangeWorkers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Why sample mode runs no sample exchange in this process, or undefined when it does: the sample provider
 * lives on loopback beside an all-in-one Cảng, and the sample calls go to a plain-HTTP exchange port.
 */
function sampleExchangeRefusal(config: Config, exchangeUrl: string | undefined): string | undefined {
  if (config.sampleExchange === false) return 'off (CANG_SAMPLE_EXCHANGE=false)';
  if (config.role !== 'all' || exchangeUrl === undefined)
    return 'off: it runs only all in one (CANG_ROLE=all)';
  if (!loopbackProvidersAllowed(config))
    return 'off: its provider is on loopback (CANG_ALLOW_LOOPBACK_PROVIDERS=false)';
  if (config.exchange.tls !== undefined) return 'off: its calls need a plain-HTTP exchange port';
  return undefined;
}

/** This node's federation TLS identity, when it federates: from its file, or issued from the registry key. */
async function federationIdentityFor(platform: Platform): Promise<FederationIdentity | undefined> {
  const { config } = platform;
  if (config.federation === undefined || config.role === 'admin') return undefined;
  if (config.federation.tlsFile !== undefined) return readFederationIdentity(config.federation.tlsFile);
  if (config.role === 'exchange') {
    throw new CangError(
      'validation-failed',
      'An exchange-only node that federates needs CANG_FEDERATION_TLS_FILE (made by cang federation certificate)',
    );
  }
  const certificate = await loadOrCreateAuthorityCertificate(
    config.dataDir,
    config.instance,
    platform.registryKey,
  );
  return loadOrCreateFederationIdentity(config.dataDir, config.instance, config.nodeId, {
    registryKey: platform.registryKey,
    certificate,
  });
}

/** This node's signer of its requests to the registry: its id and its current sealing key. */
function nodeSignerOf(platform: Platform): NodeSigner {
  return {
    nodeId: platform.config.nodeId,
    keyId: platform.nodeKey.id,
    privateKey: loadPrivateKey(platform.nodeKey.privateKey),
  };
}

/**
 * Where the exchange's getOpenAPI finds a service's document: the registry itself in the all-in-one
 * process; on an exchange-only node, the registry's node-signed route beside the snapshot.
 */
function openApiSourceFor(platform: Platform): FetchOpenApi {
  const { config } = platform;
  if (config.role === 'all') {
    return async (serviceId) => {
      try {
        const document = await platform.registry.services.openapi(serviceId);
        return document === null ? null : JSON.stringify(document);
      } catch (error) {
        if (error instanceof CangError && error.code === 'not-found') return null;
        throw error;
      }
    };
  }
  return fetchOpenApiFromRegistry({
    url: new URL('openapi', config.exchange.registryUrl).href,
    signer: nodeSignerOf(platform),
  });
}

async function snapshotSourceFor(
  platform: Platform,
  logger: Logger,
  closers: (() => Promise<void> | void)[],
): Promise<SnapshotSource> {
  const { config } = platform;
  if (config.role === 'all') {
    const fed = feedMemorySnapshots({
      registry: platform.registry,
      publisher: platform.publisher,
      onRegistryChange: platform.onRegistryChange,
      configPollSeconds: config.exchange.configPollSeconds,
      snapshotMaxAgeSeconds: config.exchange.snapshotMaxAgeSeconds,
      logger,
    });
    closers.push(() => fed.stop());
    await fed.ready;
    return fed.source;
  }
  const { registryUrl, registryPublicKey } = config.exchange;
  if (!registryUrl || !registryPublicKey) {
    throw new CangError(
      'validation-failed',
      'An exchange-only node needs CANG_REGISTRY_URL and CANG_REGISTRY_PUBLIC_KEY to fetch its configuration',
    );
  }
  const polling = createPollingSnapshotSource({
    url: registryUrl,
    publicKey: registryPublicKey,
    cacheFile: join(config.dataDir, 'config-snapshot.json'),
    pollSeconds: config.exchange.configPollSeconds,
    signer: nodeSignerOf(platform),
  });
  await polling.start();
  closers.push(() => polling.stop());
  return polling;
}
