/**
 * The only place that reads process.env and argv: parses them into a validated, frozen Config,
 * reports every problem at once (exit 1), then hands over to the CLI.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  CangError,
  type Config,
  EXCHANGE_DEFAULTS,
  exchangeWorkerNodeId,
  FEDERATION_DEFAULTS,
  validateConfig,
} from './core/index.js';
import { EXCHANGE_WORKER_ENV } from './exchange/index.js';
import { runCli } from './cli/index.js';
import { openPlatform, startServer } from './server.js';

const env = process.env;

function integer(name: string, fallback: number): number | string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : `${name} must be an integer, got '${raw}'`;
}

function number(name: string, fallback: number): number | string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? value : `${name} must be a number, got '${raw}'`;
}

/** Federation is on when CANG_FEDERATION_PORT is set; the address defaults to this host and that port. */
function federationConfig(host: string) {
  const port = integer('CANG_FEDERATION_PORT', 0);
  return {
    port,
    address: env.CANG_FEDERATION_ADDRESS || `https://${host}:${port}`,
    ...(env.CANG_FEDERATION_TLS_FILE ? { tlsFile: env.CANG_FEDERATION_TLS_FILE } : {}),
    pollSeconds: number('CANG_FEDERATION_POLL_SECONDS', FEDERATION_DEFAULTS.pollSeconds),
  };
}

/** A `true`/`false` variable; absent or empty leaves the setting to its default. */
function flag(name: string): { value?: boolean; error?: string } {
  const raw = env[name];
  if (raw === undefined || raw === '') return {};
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
  return { error: `${name} must be true or false, got '${raw}'` };
}

/** A comma-separated list, or undefined when the variable is unset or empty. */
function list(name: string): string[] | undefined {
  const entries = (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.length === 0 ? undefined : entries;
}

/** CANG_EXCHANGE_WORKERS: a count, or `auto` for as many workers as the machine has cores. */
function exchangeWorkers(): number | string | undefined {
  const raw = env.CANG_EXCHANGE_WORKERS;
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'auto') return availableParallelism();
  return /^\d+$/.test(raw) ? Number(raw) : `CANG_EXCHANGE_WORKERS must be a number or auto, got '${raw}'`;
}

function loadConfig(): Config {
  const workers = exchangeWorkers();
  const allowLoopback = flag('CANG_ALLOW_LOOPBACK_PROVIDERS');
  const seedSample = flag('CANG_SEED_SAMPLE');
  const sampleExchange = flag('CANG_SAMPLE_EXCHANGE');
  const sampleTraffic = flag('CANG_SAMPLE_TRAFFIC');
  const exchangePort = integer('CANG_EXCHANGE_PORT', 8081);
  // Beside the exchange port; with any free exchange port (0), any free port too.
  const sampleProviderPort = typeof exchangePort === 'number' && exchangePort !== 0 ? exchangePort + 10 : 0;
  const trustProxy = list('CANG_TRUST_PROXY');
  const apiTokenDays = integer('CANG_API_TOKEN_DAYS', 90);
  const dataDir = resolve(env.CANG_DATA_DIR ?? 'cang-data');
  const host = env.CANG_HOST ?? '127.0.0.1';
  const raw = {
    dataDir,
    ...(env.CANG_DATABASE_URL ? { databaseUrl: env.CANG_DATABASE_URL } : {}),
    role: env.CANG_ROLE ?? 'all',
    host,
    adminPort: integer('CANG_ADMIN_PORT', 8080),
    exchangePort,
    publicUrl: env.CANG_PUBLIC_URL ?? `http://localhost:${env.CANG_ADMIN_PORT ?? 8080}`,
    instance: env.CANG_INSTANCE ?? 'VN-HP',
    nodeId: env.CANG_NODE_ID ?? 'hp-node-1',
    ...(workers === undefined ? {} : { exchangeWorkers: workers }),
    logLevel: env.CANG_LOG_LEVEL ?? 'info',
    // Sample data on the embedded SQLite, which is for trying Cảng; none on PostgreSQL, which is production.
    seedSample: seedSample.value ?? !env.CANG_DATABASE_URL,
    ...(sampleExchange.value === undefined ? {} : { sampleExchange: sampleExchange.value }),
    ...(sampleTraffic.value === undefined ? {} : { sampleTraffic: sampleTraffic.value }),
    sampleProviderPort: integer('CANG_SAMPLE_PROVIDER_PORT', sampleProviderPort),
    ...(allowLoopback.value === undefined ? {} : { allowLoopbackProviders: allowLoopback.value }),
    ...(trustProxy ? { trustProxy } : {}),
    apiTokenDays,
    exchange: {
      sealEveryEntries: integer('CANG_SEAL_EVERY_ENTRIES', EXCHANGE_DEFAULTS.sealEveryEntries),
      sealEverySeconds: number('CANG_SEAL_EVERY_SECONDS', EXCHANGE_DEFAULTS.sealEverySeconds),
      groupCommitMaxEntries: integer(
        'CANG_GROUP_COMMIT_MAX_ENTRIES',
        EXCHANGE_DEFAULTS.groupCommitMaxEntries,
      ),
      snapshotMaxAgeSeconds: integer(
        'CANG_SNAPSHOT_MAX_AGE_SECONDS',
        EXCHANGE_DEFAULTS.snapshotMaxAgeSeconds,
      ),
      configPollSeconds: number('CANG_CONFIG_POLL_SECONDS', EXCHANGE_DEFAULTS.configPollSeconds),
      ...(env.CANG_REGISTRY_URL ? { registryUrl: env.CANG_REGISTRY_URL } : {}),
      ...(env.CANG_REGISTRY_PUBLIC_KEY ? { registryPublicKey: env.CANG_REGISTRY_PUBLIC_KEY } : {}),
      retentionDays: integer('CANG_LOG_RETENTION_DAYS', EXCHANGE_DEFAULTS.retentionDays),
      refusalBurst: integer('CANG_REFUSAL_BURST', EXCHANGE_DEFAULTS.refusalBurst),
      refusalsPerSecond: number('CANG_REFUSALS_PER_SECOND', EXCHANGE_DEFAULTS.refusalsPerSecond),
      loggedRequestBodyMaxBytes: integer(
        'CANG_LOGGED_REQUEST_BODY_MAX_BYTES',
        EXCHANGE_DEFAULTS.loggedRequestBodyMaxBytes,
      ),
      loggedResponseBodyMaxBytes: integer(
        'CANG_LOGGED_RESPONSE_BODY_MAX_BYTES',
        EXCHANGE_DEFAULTS.loggedResponseBodyMaxBytes,
      ),
      ...(env.CANG_EXCHANGE_TLS_KEY_FILE || env.CANG_EXCHANGE_TLS_CERT_FILE
        ? {
            tls: {
              keyFile: env.CANG_EXCHANGE_TLS_KEY_FILE,
              certFile: env.CANG_EXCHANGE_TLS_CERT_FILE,
              ...(env.CANG_EXCHANGE_TLS_CA_FILE ? { caFile: env.CANG_EXCHANGE_TLS_CA_FILE } : {}),
            },
          }
        : {}),
    },
    ...(env.CANG_FEDERATION_PORT ? { federation: federationConfig(host) } : {}),
    ...(env.CANG_METRICS_PORT || env.CANG_METRICS_TOKEN
      ? {
          metrics: {
            ...(env.CANG_METRICS_PORT ? { port: integer('CANG_METRICS_PORT', 0) } : {}),
            ...(env.CANG_METRICS_TOKEN ? { token: env.CANG_METRICS_TOKEN } : {}),
          },
        }
      : {}),
    ...(env.CANG_SUBJECT_HASH_KEY ? { subjectHashKey: env.CANG_SUBJECT_HASH_KEY } : {}),
    ...(env.CANG_SECRETS_KEY ? { secretsKey: env.CANG_SECRETS_KEY } : {}),
    ...(env.CANG_PREVIOUS_SUBJECT_HASH_KEYS
      ? { previousSubjectHashKeys: env.CANG_PREVIOUS_SUBJECT_HASH_KEYS.split(',').map((k) => k.trim()) }
      : {}),
  };
  const typed = [...Object.values(raw.exchange)]
    .concat([raw.adminPort, raw.exchangePort, raw.sampleProviderPort, apiTokenDays, workers ?? 0])
    .concat(raw.metrics?.port === undefined ? [] : [raw.metrics.port])
    .concat(raw.federation === undefined ? [] : [raw.federation.port, raw.federation.pollSeconds])
    .concat(
      [allowLoopback, seedSample, sampleExchange, sampleTraffic].flatMap((f) =>
        f.error === undefined ? [] : [f.error],
      ),
    )
    .filter((v): v is string => typeof v === 'string' && v.includes(' must be '));
  if (typed.length > 0)
    throw new CangError('validation-failed', 'Invalid configuration', {
      errors: typed.map((detail) => ({ pointer: '/env', detail })),
    });
  return validateConfig(raw);
}

try {
  const config = loadConfig();
  if (cluster.isWorker) {
    // Forked by a primary's `cang start`: one exchange worker, a node of its own, until the primary stops it.
    const index = Number(env[EXCHANGE_WORKER_ENV]);
    await startServer(validateConfig({ ...config, nodeId: exchangeWorkerNodeId(config.nodeId, index) }), {
      exchangeWorker: index,
    });
  } else {
    const code = await runCli(process.argv.slice(2), {
      config,
      startServer: (c) => startServer(c),
      openPlatform,
    });
    if (code !== undefined) process.exitCode = code;
  }
} catch (error) {
  if (error instanceof CangError && error.code === 'validation-failed') {
    console.error(`Cảng cannot start: ${error.message}`);
    for (const problem of error.errors ?? []) console.error(`  - ${problem.pointer}: ${problem.detail}`);
    process.exit(1);
  }
  throw error;
}
