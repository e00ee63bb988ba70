/**
 * Composition root: builds the parts from the configuration and wires them together. No logic of its own
 * beyond the order things start in.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createAdminApi } from './api/index.js';
import { type Catalog, catalogMeasures, createCatalog } from './catalog/index.js';
import { type Config, CangError, loadPrivateKey } from './core/index.js';
import {
  createExchange,
  createMemorySnapshotSource,
  createPollingSnapshotSource,
  createTransactionLog,
  pruneLog,
  type Exchange,
  type NodeTransactionLog,
  type SnapshotSource,
} from './exchange/index.js';
import {
  createIdentity,
  ensureFirstAdministrator,
  type FirstAdministrator,
  type Identity,
} from './identity/index.js';
import {
  createConfigChangeWatcher,
  createRegistry,
  createSnapshotPublisher,
  loadOrCreateKeyPair,
  publicKeyId,
  type Registry,
  type SnapshotPublisher,
  seedHaiPhong,
} from './registry/index.js';
import { createSteering, type Steering, seedIndicatorSample, seedSteeringSample } from './steering/index.js';
import { type AuditActor, createStore, type Store, sqliteFileIn } from './store/index.js';

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
  readonly nodeKey: { readonly privateKey: string; readonly publicKey: string; readonly id: string };
  readonly registryKey: { readonly privateKey: string; readonly publicKey: string; readonly id: string };
  readonly subjectHashKey: string;
  /** Subscribes to committed registry changes. */
  onRegistryChange(listener: () => void): void;
  close(): Promise<void>;
}

function subjectHashKeyOf(config: Config): string {
  if (config.subjectHashKey) return config.subjectHashKey;
  const file = join(config.dataDir, 'keys', 'subject-hash.key');
  if (!existsSync(file)) {
    mkdirSync(join(config.dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Opens the store (migrating it) and builds the registry, identity and snapshot publisher over it. */
export async function openPlatform(config: Config): Promise<Platform> {
  const store = createStore(
    config.databaseUrl ? { postgresUrl: config.databaseUrl } : { sqliteFile: sqliteFileIn(config.dataDir) },
  );
  await store.migrate();
  const listeners: (() => void)[] = [];
  const registry = createRegistry({
    store,
    instance: config.instance,
    onChange: () => {
      for (const listener of listeners) listener();
    },
  });
  const identity = createIdentity({ store });
  // Steering measures the catalog's figures through functions handed over here, never importing the catalog.
  const steering = createSteering({ store, measureSources: catalogMeasures(store) });
  const keyPair = (name: string) => {
    const pair = loadOrCreateKeyPair(join(config.dataDir, 'keys', `${name}.json`));
    return { ...pair, id: publicKeyId(pair.publicKey) };
  };
  const registryKey = keyPair('registry');
  const nodeKey = keyPair(`node-${config.nodeId}`);
  const publisher = createSnapshotPublisher({
    registry,
    privateKey: loadPrivateKey(registryKey.privateKey),
    keyId: registryKey.id,
    expiresInSeconds: config.exchange.snapshotMaxAgeSeconds,
  });
  const subjectHashKey = subjectHashKeyOf(config);
  const catalog = createCatalog({
    store,
    registry,
    // Current key first; earlier keys still find what was logged before a rotation.
    subjectHashKeys: [subjectHashKey, ...(config.previousSubjectHashKeys ?? [])],
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
    onRegistryChange: (listener) => listeners.push(listener),
    close: () => store.close(),
  };
}

/** Registers this node and its current public key in the registry when they are not there yet. */
async function ensureNodeRegistered(platform: Platform): Promise<void> {
  const { registry, config, nodeKey } = platform;
  const node = await registry.nodes.get(config.nodeId).catch((error: unknown) => {
    if (error instanceof CangError && error.code === 'not-found') return undefined;
    throw error;
  });
  if (node === undefined) {
    await registry.nodes.register(PLATFORM_ACTOR, {
      id: config.nodeId,
      name: `Exchange node ${config.nodeId}`,
    });
  }
  const current = await registry.nodes.get(config.nodeId);
  if (!current.keys.some((key) => key.id === nodeKey.id)) {
    await registry.nodes.addKey(PLATFORM_ACTOR, config.nodeId, { publicKey: nodeKey.publicKey });
  }
}

const RETENTION_INTERVAL_MS = 6 * 3_600_000;

/** Prunes this node's log chain past the retention period every few hours; returns the stopper. */
function scheduleRetention(platform: Platform, logger: Logger): () => void {
  const { retentionDays } = platform.config.exchange;
  if (retentionDays === 0) return () => {};
  const prune = async () => {
    try {
      const result = await pruneLog({
        store: platform.store,
        nodeId: platform.config.nodeId,
        olderThan: Date.now() - retentionDays * 86_400_000,
      });
      for (const node of result.nodes) logger.info(node, 'transaction log pruned past the retention period');
    } catch (error) {
      logger.error({ err: error }, 'transaction log retention failed');
    }
  };
  const timer = setInterval(prune, RETENTION_INTERVAL_MS);
  timer.unref();
  void prune();
  return () => clearInterval(timer);
}

/** Loads the sample Hải Phòng data (idempotent): organisations, then the steering workspace and indicators. */
async function seedSample(platform: Platform): Promise<{ created: readonly string[] }> {
  const organisations = await seedHaiPhong(platform.registry, PLATFORM_ACTOR);
  await seedSteeringSample(platform.steering, PLATFORM_ACTOR);
  await seedIndicatorSample(platform.steering.context, PLATFORM_ACTOR);
  return organisations;
}

const SHARING_EXPIRY_INTERVAL_MS = 3_600_000;

/** Ends approved sharing requests past their duration (removing their grants) every hour. */
function scheduleSharingExpiry(platform: Platform, logger: Logger): () => void {
  const expire = () =>
    platform.catalog.sharingRequests
      .expireDue(PLATFORM_ACTOR)
      .catch((error: unknown) => logger.error({ err: error }, 'expiring sharing requests failed'));
  const timer = setInterval(expire, SHARING_EXPIRY_INTERVAL_MS);
  timer.unref();
  void expire();
  return () => clearInterval(timer);
}

/** A running Cảng process. */
export interface RunningServer {
  readonly adminUrl: string | undefined;
  readonly exchangeUrl: string | undefined;
  /** Set on the very first start only: the generated administrator login, to print once. */
  readonly firstAdministrator: FirstAdministrator | undefined;
  /** Number of sample organisations created on this start (0 when they were there already). */
  readonly seededOrganisations: number;
  readonly platform: Platform;
  close(): Promise<void>;
}

async function listen(server: Server, port: number, host: string, scheme = 'http'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${shownHost}:${address.port}`;
}

/**
 * Keeps an in-memory snapshot source current: at once on a change made in this process, within one poll
 * on a change made by another (the CLI, another admin node on the same database), and before the snapshot
 * expires. `ready` settles after the first load.
 */
function feedMemorySnapshots(
  platform: Platform,
  logger: Logger,
): { source: SnapshotSource; ready: Promise<void>; stop(): Promise<void> } {
  const source = createMemorySnapshotSource();
  // The three triggers below often find the snapshot already taken (a change made here is also seen by
  // the watcher's next poll): only a snapshot with another ETag is parsed and indexed again.
  let fedEtag: string | undefined;
  const refresh = async () => {
    const published = await platform.publisher.current();
    if (published.etag === fedEtag) return;
    source.set(JSON.parse(published.signed.payload));
    fedEtag = published.etag;
  };
  const refreshFailed = (error: unknown) =>
    logger.error({ err: error }, 'could not refresh the configuration snapshot');
  const watcher = createConfigChangeWatcher({
    registry: platform.registry,
    intervalMs: platform.config.exchange.configPollSeconds * 1000,
    onChange: refresh,
    onError: refreshFailed,
  });
  platform.onRegistryChange(() => void refresh().catch(refreshFailed));
  const timer = setInterval(
    () => void refresh().catch(refreshFailed),
    (platform.config.exchange.snapshotMaxAgeSeconds * 1000) / 4,
  );
  timer.unref();
  return {
    source,
    ready: watcher.start(),
    stop: async () => {
      clearInterval(timer);
      await watcher.stop();
    },
  };
}

/** Starts the configured servers: admin API and console, exchange, or both (the default). */
export async function startServer(config: Config, options: { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { node: config.nodeId } });
  const platform = await openPlatform(config);
  const closers: (() => Promise<void> | void)[] = [() => platform.close()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const seeded = config.seedSample ? await seedSample(platform) : undefined;
    const firstAdministrator = await ensureFirstAdministrator(platform.identity);
    await ensureNodeRegistered(platform);
    const storeReady = async () => {
      try {
        await platform.store.db.selectFrom('meta').select('key').limit(1).execute();
        return true;
      } catch {
        return false;
      }
    };

    let exchangeUrl: string | undefined;
    if (config.role !== 'admin') {
      const log: NodeTransactionLog = await createTransactionLog({
        store: platform.store,
        nodeId: config.nodeId,
        signingKey: loadPrivateKey(platform.nodeKey.privateKey),
        keyId: platform.nodeKey.id,
        sealEveryEntries: config.exchange.sealEveryEntries,
        sealEverySeconds: config.exchange.sealEverySeconds,
        groupCommitMaxEntries: config.exchange.groupCommitMaxEntries,
        onError: (error) => logger.error({ err: error }, 'transaction log commit failed'),
      });
      closers.push(() => log.close());
      closers.push(scheduleRetention(platform, logger));
      const snapshots = await snapshotSourceFor(platform, logger, closers);
      const tlsFiles = config.exchange.tls;
      const tls = tlsFiles && {
        key: readFileSync(tlsFiles.keyFile),
        cert: readFileSync(tlsFiles.certFile),
        ...(tlsFiles.caFile ? { ca: readFileSync(tlsFiles.caFile) } : {}),
      };
      const exchange: Exchange = createExchange({
        nodeId: config.nodeId,
        instance: config.instance,
        snapshots,
        log,
        subjectHashKey: platform.subjectHashKey,
        ready: storeReady,
        logger,
        ...(tls ? { tls } : {}),
      });
      closers.push(() => exchange.close());
      exchangeUrl = await listen(
        exchange.server as Server,
        config.exchangePort,
        config.host,
        tls ? 'https' : 'http',
      );
    }

    let adminUrl: string | undefined;
    if (config.role !== 'exchange') {
      const admin = await createAdminApi({
        store: platform.store,
        identity: platform.identity,
        registry: platform.registry,
        steering: platform.steering,
        catalog: platform.catalog,
        snapshotPublisher: platform.publisher,
        logger,
        // The built console (npm run build:console), served at / when present.
        ...(existsSync(join(import.meta.dirname, '../console/dist/index.html'))
          ? { consoleDir: join(import.meta.dirname, '../console/dist') }
          : {}),
      });
      closers.push(() => admin.close());
      closers.push(scheduleSharingExpiry(platform, logger));
      await admin.listen({ port: config.adminPort, host: config.host });
      const address = admin.server.address() as AddressInfo;
      adminUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    }

    return {
      adminUrl,
      exchangeUrl,
      firstAdministrator,
      seededOrganisations: seeded?.created.length ?? 0,
      platform,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function snapshotSourceFor(
  platform: Platform,
  logger: Logger,
  closers: (() => Promise<void> | void)[],
): Promise<SnapshotSource> {
  const { config } = platform;
  if (config.role === 'all') {
    const fed = feedMemorySnapshots(platform, logger);
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
  });
  await polling.start();
  closers.push(() => polling.stop());
  return polling;
}
