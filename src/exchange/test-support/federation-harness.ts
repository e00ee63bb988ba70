import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'undici';
import type {
  ConfigSnapshot,
  FederationConfiguration,
  SignedFederationConfiguration,
  SnapshotPartner,
} from '../../registry/index.js';
import type { CertificateWithKey } from '../../core/index.js';
import { createStore, type Store } from '../../store/index.js';
import { createExchange, type Exchange } from '../create-exchange.js';
import { CONFIGURATION_PATH } from '../federation/federation-listener.js';
import {
  createPartnerConfigurationSource,
  type PartnerConfigurationSource,
} from '../federation/partner-configuration-source.js';
import type { VerifyResult } from '../log/chain-checker.js';
import type { ChainedEntry } from '../log/log-entry.js';
import { rowToEntry } from '../log/entry-encoding.js';
import { buildNodeKey, type TestNodeKey } from '../log/test-support/log-fixtures.js';
import { createTransactionLog, type NodeTransactionLog } from '../log/transaction-log.js';
import { verifyLog } from '../log/verify-log.js';
import { createMemorySnapshotSource, type MemorySnapshotSource } from '../memory-snapshot-source.js';
import {
  type CallOptions,
  type CallResult,
  createExchangeCaller,
  listen,
  startProvider,
  type TestProvider,
} from './exchange-harness.js';
import {
  buildFederationConfiguration,
  buildFederationService,
  buildSnapshotPartner,
  createTestInstance,
  type TestInstance,
  type TestNodeIdentity,
} from './federation-fixtures.js';
import { buildGrant, buildService, buildSnapshot, CLIENT } from './snapshot-factory.js';

/** The national platform's provider system and the service it offers the city. */
export const NATIONAL_PROVIDER = 'VN/GOV/000.00.00.G10/CSDLQG-DC';
export const NATIONAL_SERVICE = `${NATIONAL_PROVIDER}/tra-cuu-cong-dan`;

/** What one instance publishes: its snapshot, its policy toward the other, the configuration it shows it. */
export interface SideChange {
  readonly snapshot?: Partial<ConfigSnapshot>;
  readonly partner?: Partial<SnapshotPartner>;
  readonly configuration?: Partial<FederationConfiguration>;
  /** Changes the signed configuration of this publication only (to tamper with it). */
  readonly signed?: (signed: SignedFederationConfiguration) => SignedFederationConfiguration;
}

/** One instance with one federating node, its exchange on loopback and its log in a SQLite store. */
export interface FederationSide {
  readonly trust: TestInstance;
  readonly nodeId: string;
  readonly identity: TestNodeIdentity;
  readonly exchange: Exchange;
  readonly snapshots: MemorySnapshotSource;
  readonly configurations: PartnerConfigurationSource;
  readonly store: Store;
  readonly log: NodeTransactionLog;
  readonly nodeKey: TestNodeKey;
  /** The exchange port (plain HTTP) and the federation listener (HTTPS). */
  readonly origin: string;
  readonly federationOrigin: string;
  /** Publishes a new snapshot version, changing what is given on top of what was published before. */
  publish(change: SideChange): void;
  /** Calls the exchange port as CLIENT with its token unless headers say otherwise (`null` removes one). */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** The entries this node logged under a transaction id. */
  entries(transactionId: string): Promise<ChainedEntry[]>;
  /** Walks this node's chain. */
  verify(): Promise<VerifyResult>;
}

/** The city (VN-HP, consumer CLIENT) and the national platform (VN, NATIONAL_SERVICE), trusting each other. */
export interface FederationPair {
  readonly city: FederationSide;
  readonly national: FederationSide;
  /** The national service's provider. */
  readonly provider: TestProvider;
  close(): Promise<void>;
}

function httpsOrigin(server: import('node:https').Server): string {
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A started side before it knows the other one. */
type StartedSide = Omit<FederationSide, 'publish'> & { close(): Promise<void> };

/** What a side publishes, merged from its defaults and every change since. */
interface SideParts {
  snapshot: Partial<ConfigSnapshot>;
  partner: Partial<SnapshotPartner>;
  configuration: Partial<FederationConfiguration>;
}

async function startSide(
  instance: string,
  nodeId: string,
  dir: string,
  now: (() => number) | undefined,
): Promise<StartedSide> {
  const trust = await createTestInstance(instance);
  const identity = await trust.issueNode(nodeId);
  const store = createStore({ sqliteFile: ':memory:' });
  await store.migrate();
  const nodeKey = buildNodeKey(`${nodeId}-key`);
  const log = await createTransactionLog({
    store,
    nodeId,
    signingKey: nodeKey.privateKey,
    keyId: nodeKey.keyId,
    sealEveryEntries: 5,
    sealEverySeconds: 3600,
    groupCommitMaxEntries: 100,
  });
  const snapshots = createMemorySnapshotSource();
  const configurations = createPartnerConfigurationSource({
    instance,
    snapshots,
    identity,
    dir: join(dir, instance),
    pollSeconds: 3600,
    fetchTimeoutMs: 5_000,
    ...(now === undefined ? {} : { now }),
  });
  const exchange = createExchange({
    nodeId,
    instance,
    snapshots,
    log,
    subjectHashKey: `subject-hash-key-of-${instance}`,
    federation: { identity, configurations },
    // Test providers run on loopback beside the exchange, as in the all-in-one development setup.
    outbound: { allowLoopback: true },
  });
  const origin = await listen(exchange.server as Server);
  const federationServer = exchange.federationServer!;
  federationServer.listen(0, '127.0.0.1');
  await new Promise((resolve) => federationServer.once('listening', resolve));
  const caller = createExchangeCaller(origin);
  return {
    trust,
    nodeId,
    identity,
    exchange,
    snapshots,
    configurations,
    store,
    log,
    nodeKey,
    origin,
    federationOrigin: httpsOrigin(federationServer),
    call: caller.call,
    async entries(transactionId) {
      const rows = await store.db
        .selectFrom('log_entries')
        .selectAll()
        .where('id', '=', transactionId)
        .orderBy('seq')
        .execute();
      return rows.map(rowToEntry);
    },
    verify: () => verifyLog({ store, publicKeys: nodeKey.publicKeys, workers: 0 }),
    async close() {
      await caller.close();
      await exchange.close();
      await configurations.stop();
      await log.close();
      await store.close();
    },
  };
}

/**
 * Starts the two instances in process, each with a node whose federation identity its authority issued,
 * its exchange and federation listener on loopback and a real chained log, and has each fetch the other's
 * configuration once. By default the city's CLIENT may call out to VN, and VN grants it NATIONAL_SERVICE.
 */
export async function startFederationPair(
  changes: {
    city?: SideChange;
    national?: SideChange;
    /** The clock by which the city judges the national configuration's expiry. */
    cityClock?: () => number;
  } = {},
): Promise<FederationPair> {
  const dir = mkdtempSync(join(tmpdir(), 'cang-federation-'));
  const provider = await startProvider();
  const cityStarted = await startSide('VN-HP', 'hp-node-1', dir, changes.cityClock);
  const nationalStarted = await startSide('VN', 'vn-node-1', dir, undefined);
  const cityParts: SideParts = {
    snapshot: {},
    partner: { outboundClients: [CLIENT] },
    configuration: { systems: [{ id: CLIENT, name: 'Một cửa Hải Phòng' }] },
  };
  const nationalParts: SideParts = {
    snapshot: {
      systems: [{ id: NATIONAL_PROVIDER, name: 'CSDL quốc gia về dân cư' }],
      services: [buildService({ id: NATIONAL_SERVICE, baseUrl: provider.baseUrl })],
      grants: [buildGrant({ id: 'grant-national', client: CLIENT, service: NATIONAL_SERVICE })],
      credentials: [],
    },
    partner: {},
    configuration: {
      systems: [{ id: NATIONAL_PROVIDER, name: 'CSDL quốc gia về dân cư' }],
      services: [
        buildFederationService({
          id: NATIONAL_SERVICE,
          name: 'Tra cứu công dân',
          grants: [
            { client: CLIENT, methods: null, pathPatterns: null, quotaPerMinute: null, expiresAt: null },
          ],
        }),
      ],
    },
  };
  let version = 0;
  /** Publishing for one side: a new snapshot version, with the configuration it shows the other signed in. */
  const publisher =
    (side: StartedSide, other: StartedSide, parts: SideParts) =>
    (change: SideChange): void => {
      parts.snapshot = { ...parts.snapshot, ...change.snapshot };
      parts.partner = { ...parts.partner, ...change.partner };
      parts.configuration = { ...parts.configuration, ...change.configuration };
      // Above anything set on the side's snapshot source directly, which ignores older versions.
      version = Math.max(version, side.snapshots.current()?.version ?? 0) + 1;
      const node = {
        id: side.nodeId,
        address: side.federationOrigin,
        tlsFingerprints: [side.identity.fingerprint],
      };
      const configuration = buildFederationConfiguration(side.trust.instance, other.trust.instance, {
        version,
        nodes: [node],
        ...parts.configuration,
      });
      side.snapshots.set(
        buildSnapshot({
          instance: side.trust.instance,
          version,
          ...parts.snapshot,
          partners: [
            buildSnapshotPartner(other.trust, {
              configurationUrls: [`${other.federationOrigin}${CONFIGURATION_PATH}`],
              configuration: (change.signed ?? ((signed) => signed))(side.trust.sign(configuration)),
              ...parts.partner,
            }),
          ],
        }),
      );
    };
  const city: FederationSide = {
    ...cityStarted,
    publish: publisher(cityStarted, nationalStarted, cityParts),
  };
  const national: FederationSide = {
    ...nationalStarted,
    publish: publisher(nationalStarted, cityStarted, nationalParts),
  };
  city.publish(changes.city ?? {});
  national.publish(changes.national ?? {});
  await city.configurations.start();
  await national.configurations.start();
  return {
    city,
    national,
    provider,
    async close() {
      await cityStarted.close();
      await nationalStarted.close();
      await provider.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a federation listener directly, as a partner node holding `identity` and trusting `authority`. */
export async function callFederationListener(
  federationOrigin: string,
  identity: CertificateWithKey,
  authority: string,
  request: { method?: string; path: string; headers?: Record<string, string> },
): Promise<CallResult> {
  const client = new Client(federationOrigin, {
    connect: {
      key: identity.privateKey,
      cert: identity.certificate,
      ca: authority,
      checkServerIdentity: () => undefined,
    },
  });
  try {
    const response = await client.request({
      path: request.path,
      method: (request.method ?? 'GET') as 'GET',
      headers: request.headers ?? {},
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    return {
      status: response.statusCode,
      headers: response.headers,
      body,
      json: () => JSON.parse(body.toString('utf8')),
    };
  } finally {
    await client.close();
  }
}
