/**
 * A real Cảng node for the exchange benchmark, in its own process: a fresh temporary data directory on
 * SQLite (synchronous=FULL, group commit), the configuration built as main.ts builds it, startServer from
 * the composition root, and one provider service, client system, token and grant registered in process.
 * Usage: cang-node.ts {providerPort}. Once the exchange serves the grant it prints one line,
 * `READY {exchangePort} {json}` with json = NodeInfo; SIGTERM closes it cleanly (the log flushed and sealed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCHANGE_DEFAULTS, validateConfig } from '../../src/core/index.js';
import { startServer } from '../../src/server.js';
import type { AuditActor } from '../../src/store/index.js';

/** What the node tells the benchmark on its READY line. */
export interface NodeInfo {
  readonly dataDir: string;
  readonly nodeId: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** Log entries written before READY (the readiness probes). */
  readonly entriesBefore: number;
}

const NODE_ID = 'bench-node-1';
const PROVIDER_ORG = 'VN-HP/GOV/Q-LECHAN';
const CLIENT_ORG = 'VN-HP/GOV/STP';
const actor: AuditActor = { id: 'bench:exchange', remoteAddress: null };

const providerPort = Number(process.argv[2]);
const dataDir = mkdtempSync(join(tmpdir(), 'cang-bench-node-'));
// The same shape and defaults as main.ts's loadConfig, on a fresh SQLite data directory.
const config = validateConfig({
  dataDir,
  role: 'all',
  host: '127.0.0.1',
  adminPort: 0,
  publicUrl: 'http://localhost',
  exchangePort: 0,
  instance: 'VN-HP',
  nodeId: NODE_ID,
  logLevel: 'warn',
  seedSample: false,
  // The registry does not change during a run: a slow poll keeps the version reads out of the figures.
  exchange: { ...EXCHANGE_DEFAULTS, configPollSeconds: 10 },
});

const running = await startServer(config);
const { registry, store } = running.platform;
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

const path = `/r1/${service.id}/households/HP-305-000123`;
const headers = {
  'x-cang-client': client.id,
  authorization: `Bearer ${token}`,
  'x-cang-purpose': 'TTHC-1.001',
  'x-cang-user': 'nguyen.van.a',
};
// The snapshot is republished asynchronously after registry changes: call until the grant is served.
for (let attempt = 0; ; attempt++) {
  const answer = await fetch(`${running.exchangeUrl}${path}`, { headers });
  await answer.arrayBuffer();
  if (answer.status === 200) break;
  if (attempt >= 100) throw new Error(`the exchange still answers ${answer.status} after 10 s`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
// Every probe's answer was released after its entry committed, so this count is exact.
const counted = await store.db
  .selectFrom('log_entries')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();

const info: NodeInfo = { dataDir, nodeId: NODE_ID, path, headers, entriesBefore: Number(counted.n) };
const port = Number(new URL(running.exchangeUrl!).port);
process.stdout.write(`READY ${port} ${JSON.stringify(info)}\n`);

process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
