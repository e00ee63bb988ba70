import { isIP } from 'node:net';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CangError } from './cang-error.js';

const Port = Type.Integer({ minimum: 0, maximum: 65535 });

/** The validated configuration of one Cảng process; built once in main.ts, frozen, passed down. */
export const ConfigSchema = Type.Object({
  /** Folder for the SQLite file, keys and the last good configuration snapshot. */
  dataDir: Type.String({ minLength: 1 }),
  /** PostgreSQL connection string; when absent the embedded SQLite store is used. */
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** Which servers this process runs. */
  role: Type.Union([Type.Literal('all'), Type.Literal('admin'), Type.Literal('exchange')]),
  host: Type.String({ minLength: 1 }),
  adminPort: Port,
  exchangePort: Port,
  /** How users and the public reach the admin port, e.g. https://cang.haiphong.gov.vn: links in public documents. */
  publicUrl: Type.String({ pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$' }),
  /** This installation's instance identifier, e.g. VN-HP. */
  instance: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
  /** This node's identifier in the registry; its log chain is its own. */
  nodeId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
  /**
   * Exchange worker processes (`CANG_EXCHANGE_WORKERS`, a number or `auto` for every core; absent: 1).
   * With more than one, the exchange runs in that many processes sharing its port, each an exchange node
   * of its own (`exchangeWorkerNodeId`: its own key and log chain); they need PostgreSQL.
   */
  exchangeWorkers: Type.Optional(Type.Integer({ minimum: 1, maximum: 256 })),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
  ),
  /**
   * Whether providers may live on loopback addresses (127.0.0.0/8, ::1), for the all-in-one development
   * and sample setup whose sample providers run beside Cảng. Absent: allowed when `role` is `all`, refused
   * on the nodes of a split (production) deployment. Cảng's own ports stay refused either way.
   */
  allowLoopbackProviders: Type.Optional(Type.Boolean()),
  /**
   * The reverse proxies in front of the admin port, as addresses or CIDR ranges (`CANG_TRUST_PROXY`). Only a
   * request whose peer is one of them has its client address and protocol read from X-Forwarded-For and
   * X-Forwarded-Proto; absent, those headers are ignored.
   */
  trustProxy: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
  /** How many days an API token lasts when its creator names no expiry (`CANG_API_TOKEN_DAYS`, 90). */
  apiTokenDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  /**
   * Sample mode (`CANG_SEED_SAMPLE`; on by default with the embedded SQLite, off with PostgreSQL): the
   * sample Hải Phòng data of every part on first start and, all in one, the sample exchange.
   */
  seedSample: Type.Boolean(),
  /**
   * In sample mode, the sample systems, services, grants and tokens and the sample provider that answers
   * them (`CANG_SAMPLE_EXCHANGE`); absent: on. It needs the all-in-one role and loopback providers.
   */
  sampleExchange: Type.Optional(Type.Boolean()),
  /** In sample mode, the sample exchange's real calls: a first batch, then a trickle (`CANG_SAMPLE_TRAFFIC`); absent: on. */
  sampleTraffic: Type.Optional(Type.Boolean()),
  /** The sample provider's loopback port (`CANG_SAMPLE_PROVIDER_PORT`, exchange port + 10); absent or 0: any free port. */
  sampleProviderPort: Type.Optional(Port),
  exchange: Type.Object({
    /** Seal the chain head every this many entries… */
    sealEveryEntries: Type.Integer({ minimum: 1 }),
    /** …or every this many seconds, whichever comes first. */
    sealEverySeconds: Type.Number({ exclusiveMinimum: 0 }),
    /** Largest number of log entries committed in one transaction. */
    groupCommitMaxEntries: Type.Integer({ minimum: 1 }),
    /** How long the exchange keeps serving from a snapshot it cannot refresh. */
    snapshotMaxAgeSeconds: Type.Integer({ minimum: 1 }),
    /**
     * How often this node looks for registry changes: an exchange-only node asks the registry for its
     * snapshot (a 304 while the ETag holds), the all-in-one process reads the configuration version.
     */
    configPollSeconds: Type.Number({ exclusiveMinimum: 0 }),
    /** Registry URL for an exchange-only node, e.g. https://registry.example/api/v1/config/snapshot. */
    registryUrl: Type.Optional(Type.String()),
    /** Pinned registry public key (base64url SPKI) for an exchange-only node. */
    registryPublicKey: Type.Optional(Type.String()),
    /** TLS for the exchange port; with it, clients may authenticate with registered certificates. */
    tls: Type.Optional(
      Type.Object({
        keyFile: Type.String({ minLength: 1 }),
        certFile: Type.String({ minLength: 1 }),
        caFile: Type.Optional(Type.String({ minLength: 1 })),
      }),
    ),
    /** Log entries older than this many days are removed by `cang log prune`; 0 keeps everything. */
    retentionDays: Type.Integer({ minimum: 0 }),
    /** Refused calls one address may cause at once before they are no longer logged; 0 turns this off. */
    refusalBurst: Type.Integer({ minimum: 0 }),
    /** Refused calls per second an address regains, up to the burst. */
    refusalsPerSecond: Type.Number({ exclusiveMinimum: 0 }),
    /** For services that log bodies: bytes of the request body kept; a longer one is cut and flagged. */
    loggedRequestBodyMaxBytes: Type.Integer({ minimum: 0 }),
    /** The same for the response body, which no service limit bounds. */
    loggedResponseBodyMaxBytes: Type.Integer({ minimum: 0 }),
  }),
  /**
   * Where the exchange's Prometheus metrics are scraped: on a port of their own (else `/metrics` on the
   * exchange port), and behind a bearer token when one is set.
   */
  metrics: Type.Optional(
    Type.Object({
      port: Type.Optional(Port),
      token: Type.Optional(Type.String({ minLength: 16 })),
    }),
  ),
  /**
   * Federation with partner instances (docs/exchange-protocol.md, "Federation"); absent, the node opens no
   * federation listener and polls no partner, and calls to partners answer partner-configuration-invalid.
   */
  federation: Type.Optional(
    Type.Object({
      /** Port of the federation listener (mutual TLS, partners' nodes only). */
      port: Port,
      /** Where partners reach this node's listener, `https://host:port`; published in the configuration. */
      address: Type.String({ pattern: '^https://[^/?#]+$' }),
      /**
       * The node's federation TLS identity: its private key and certificate (PEM, one file, 0600), issued by
       * this instance's authority (`cang federation certificate`). Without it, the all-in-one process makes
       * one from the registry key; an exchange-only node needs it.
       */
      tlsFile: Type.Optional(Type.String({ minLength: 1 })),
      /** How often each partner's federation configuration is polled. */
      pollSeconds: Type.Number({ exclusiveMinimum: 0 }),
    }),
  ),
  /** Secret key for the keyed hash of data-subject identifiers (X-Cang-Subject); created in dataDir when absent. */
  subjectHashKey: Type.Optional(Type.String({ minLength: 16 })),
  /** Key (base64url of 32 bytes) sealing external platforms' secrets at rest; created in dataDir when absent. */
  secretsKey: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
  /** Earlier subject-hash keys, after a rotation: the data subject's view still finds what they hashed. */
  previousSubjectHashKeys: Type.Optional(Type.Array(Type.String({ minLength: 16 }))),
});

/** The exchange's settings when nothing overrides them (main.ts reads the overrides from the environment). */
export const EXCHANGE_DEFAULTS = {
  sealEveryEntries: 1000,
  sealEverySeconds: 10,
  groupCommitMaxEntries: 512,
  snapshotMaxAgeSeconds: 3600,
  configPollSeconds: 1,
  retentionDays: 0,
  refusalBurst: 100,
  refusalsPerSecond: 10,
  loggedRequestBodyMaxBytes: 1024 * 1024,
  loggedResponseBodyMaxBytes: 1024 * 1024,
} as const;

/** The federation's settings when nothing overrides them. */
export const FEDERATION_DEFAULTS = { pollSeconds: 30 } as const;

/** The validated, frozen configuration. */
export type Config = Readonly<Static<typeof ConfigSchema>>;

/**
 * The node id of exchange worker `index` (1, 2, …) of a node: a node of its own in the registry, with its
 * own key and log chain, so that verification and the log treat each worker's chain apart.
 */
export function exchangeWorkerNodeId(nodeId: string, index: number): string {
  return `${nodeId}-w${index}`;
}

/** Whether this process lets providers live on loopback addresses (see `allowLoopbackProviders`). */
export function loopbackProvidersAllowed(config: Pick<Config, 'allowLoopbackProviders' | 'role'>): boolean {
  return config.allowLoopbackProviders ?? config.role === 'all';
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Whether a trusted proxy entry is an IPv4 or IPv6 address, or such an address with a prefix length. */
export function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Rules across fields. Nodes of a split deployment must hash data subjects with one shared key, or the
 * data subject's view misses what other nodes logged. Trusted proxies are named exactly: no hop count and
 * no "trust everyone", which would let any client choose the address the audit trail records.
 */
function crossFieldErrors(raw: unknown): { path: string; message: string }[] {
  const config = raw as Partial<Static<typeof ConfigSchema>>;
  const errors: { path: string; message: string }[] = [];
  if (config.role !== undefined && config.role !== 'all' && config.subjectHashKey === undefined) {
    errors.push({
      path: '/subjectHashKey',
      message:
        'CANG_SUBJECT_HASH_KEY is required when CANG_ROLE is admin or exchange: every node must share it',
    });
  }
  if (typeof config.exchangeWorkers === 'number' && config.exchangeWorkers > 1) {
    // SQLite has one writer: several processes appending their chains would take turns on its write
    // lock, each group commit waiting for the others' fsyncs, so more workers would add no throughput.
    if (config.databaseUrl === undefined) {
      errors.push({
        path: '/exchangeWorkers',
        message: 'CANG_EXCHANGE_WORKERS above 1 needs PostgreSQL (CANG_DATABASE_URL): SQLite has one writer',
      });
    }
    // Partners pin each node's federation certificate; the shared federation port would hand their
    // connections to any worker, each with a certificate of its own.
    if (config.federation !== undefined) {
      errors.push({
        path: '/exchangeWorkers',
        message: 'CANG_EXCHANGE_WORKERS above 1 does not federate yet: leave CANG_FEDERATION_PORT unset',
      });
    }
    if (config.role === 'admin') {
      errors.push({
        path: '/exchangeWorkers',
        message: 'CANG_EXCHANGE_WORKERS is for nodes that run the exchange (CANG_ROLE all or exchange)',
      });
    }
    if (
      typeof config.nodeId === 'string' &&
      config.nodeId.length + `-w${config.exchangeWorkers}`.length > 64
    ) {
      errors.push({
        path: '/nodeId',
        message: `CANG_NODE_ID must leave room for the workers' suffix (-w${config.exchangeWorkers}): 64 characters in all`,
      });
    }
  }
  for (const [index, entry] of (Array.isArray(config.trustProxy) ? config.trustProxy : []).entries()) {
    if (typeof entry === 'string' && !isAddressOrCidr(entry)) {
      errors.push({
        path: `/trustProxy/${index}`,
        message: `CANG_TRUST_PROXY lists addresses or CIDR ranges (10.0.0.5, 10.0.0.0/24, ::1), got '${entry}'`,
      });
    }
  }
  return errors;
}

/** Validates raw configuration, reporting every problem at once, and returns it deep-frozen. */
export function validateConfig(raw: unknown): Config {
  const errors = [...Value.Errors(ConfigSchema, raw), ...crossFieldErrors(raw)];
  if (errors.length > 0) {
    throw new CangError('validation-failed', 'Invalid configuration', {
      errors: errors.map((e) => ({ pointer: e.path || '/', detail: e.message })),
    });
  }
  return deepFreeze(structuredClone(raw) as Config);
}
