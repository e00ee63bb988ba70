/**
 * The admin node of the exchange benchmarks, in its own process: a fresh temporary data directory, on its
 * SQLite file or on the PostgreSQL database given, the configuration built as main.ts builds it
 * (`role: admin`), startServer from the composition root, and one provider service, client system, token
 * and grant registered in process. Usage: cang-admin-node.ts {providerPort} [{databaseUrl}]. Prints
 * `READY {adminPort} {json}` with json = AdminNodeInfo, which tells an exchange-only node
 * (cang-exchange-node.ts) where to poll the signed configuration and which store to log to.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCHANGE_DEFAULTS, validateConfig } from '../../src/core/index.js';
import { startServer } from '../../src/server.js';
import type { AuditActor } from '../../src/store/index.js';

/** What the admin node tells the benchmark on its READY line. */
export interface AdminNodeInfo {
  readonly dataDir: string;
  /** The PostgreSQL database of every node; undefined when they share the SQLite file of dataDir. */
  readonly databaseUrl: string | undefined;
  /** The signed configuration snapshot, polled by exchange nodes. */
  readonly registryUrl: string;
  readonly registryPublicKey: string;
  /** The key every node of the deployment shares for subject hashes. */
  readonly subjectHashKey: string;
  /** The exchange path of the benchmark's call (after the exchange node's origin) and its headers. */
  readonly path: string;
  readonly headers: Record<string, string>;
}

const PROVIDER_ORG = 'VN-HP/GOV/Q-LECHAN';
const CLIENT_ORG = 'VN-HP/GOV/STP';
const SUBJECT_HASH_KEY = 'bench-subject-hash-key-shared-by-the-nodes';
const actor: AuditActor = { id: 'bench:exchange', remoteAddress: null };

const providerPort = Number(process.argv[2]);
const databaseUrl = process.argv[3];
const dataDir = mkdtempSync(join(tmpdir(), 'cang-bench-node-'));
const config = validateConfig({
  dataDir,
  ...(databaseUrl === undefined ? {} : { databaseUrl }),
  role: 'admin',
  host: '127.0.0.1',
  adminPort: 0,
  publicUrl: 'http://localhost',
  exchangePort: 0,
  instance: 'VN-HP',
  nodeId: 'bench-admin',
  logLevel: 'warn',
  seedSample: false,
  subjectHashKey: SUBJECT_HASH_KEY,
  exchange: EXCHANGE_DEFAULTS,
});

const running = await startServer(config);
const { registry, registryKey } = running.platform;
for (const [code, name] of [
  ['Q-LECHAN', 'Quận Lê Chân'],
  ['STP', 'Sở Tư pháp'],
] as const) {
  await registry.organisations.create(actor, { memberClass: 'GOV', code, name });
}
const providerSystem = await registry.systems.create(actor, PROVIDER_ORG, {
  code: 'HTTT-HOTICH',
  name: 'Hệ thống quản lý hộ tịch',
});
const service = await registry.services.create(actor, providerSystem.id, {
  code: 'tra-cuu-ho-gia-dinh',
  name: 'Tra cứu thông tin hộ gia đình',
  baseUrl: `http://127.0.0.1:${providerPort}/api`,
  timeoutMs: 10_000,
});
const client = await registry.systems.create(actor, CLIENT_ORG, {
  code: 'HTTT-LLTP',
  name: 'Hệ thống thông tin lý lịch tư pháp',
});
const { token } = await registry.credentials.issueToken(actor, client.id, { label: 'bench' });
// Methods and a path pattern, so the grant check does its full work on every call.
await registry.grants.create(actor, {
  client: client.id,
  service: service.id,
  methods: ['GET'],
  pathPatterns: ['/households/*'],
});

const info: AdminNodeInfo = {
  dataDir,
  databaseUrl,
  registryUrl: `${running.adminUrl}/api/v1/config/snapshot`,
  registryPublicKey: registryKey.publicKey,
  subjectHashKey: SUBJECT_HASH_KEY,
  path: `/r1/${service.id}/households/HP-305-000123`,
  headers: {
    'x-cang-client': client.id,
    authorization: `Bearer ${token}`,
    'x-cang-purpose': 'TTHC-1.001',
    'x-cang-user': 'nguyen.van.a',
  },
};
process.stdout.write(`READY ${new URL(running.adminUrl!).port} ${JSON.stringify(info)}\n`);

process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
