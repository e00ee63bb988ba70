/**
 * One instance of the federation benchmark in its own process: a real Cảng all-in-one node on a fresh
 * SQLite data directory (synchronous=FULL, group commit) with its federation listener, set up through the
 * registry's own commands as an operator would: it writes its configuration anchor to `{root}/{instance}.json`,
 * trusts the partner's anchor once it appears there, and then
 * - the city (VN-HP) registers the consumer system, its token, a local service on the provider with a
 *   grant, and lets the consumer call out to VN;
 * - the national instance (VN) registers a ministry's service on the same provider, offers it to VN-HP and,
 *   once it holds the city's configuration, grants the city's consumer system on it.
 * Usage: federation-node.ts {root} {VN-HP|VN} {providerPort}. Prints `READY {exchangePort} {json}`, with
 * json = FederationNodeInfo, once the city's local and cross-instance calls both answer 200 (the city) or
 * once the grant is made (VN); SIGTERM closes it cleanly (the log flushed and sealed).
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCHANGE_DEFAULTS, FEDERATION_DEFAULTS, validateConfig } from '../../src/core/index.js';
import { loadOrCreateAuthorityCertificate } from '../../src/registry/index.js';
import { startServer } from '../../src/server.js';
import type { AuditActor } from '../../src/store/index.js';
import { CITY, type FederationNodeInfo, NATIONAL } from './federation-instances.js';

const CLIENT = `${CITY}/GOV/STP/HTTT-LLTP`;
const NATIONAL_SERVICE = `${NATIONAL}/GOV/BCA/CSDLQG-DC/tra-cuu-ho-gia-dinh`;
const REST_PATH = '/households/HP-305-000123';
// Methods and a path pattern on both sides, so each grant check does its full work on every call.
const GRANT_SHAPE = { methods: ['GET'], pathPatterns: ['/households/*'] };
const actor: AuditActor = { id: 'bench:federation', remoteAddress: null };

const [root, instance, providerPortText] = process.argv.slice(2) as [string, string, string];
const partner = instance === CITY ? NATIONAL : CITY;
const providerBaseUrl = `http://127.0.0.1:${Number(providerPortText)}/api`;
const nodeId = instance === CITY ? 'hp-bench-1' : 'vn-bench-1';

/** A port free now, for the federation address the node announces before it listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Retries `attempt` every 100 ms until it answers a value, for at most 30 s. */
async function until<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 300; tries++) {
    const value = await attempt();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${instance}: ${what} did not happen within 30 s`);
}

const dataDir = mkdtempSync(join(tmpdir(), `cang-bench-${instance}-`));
const federationPort = await freePort();
const config = validateConfig({
  dataDir,
  role: 'all',
  host: '127.0.0.1',
  adminPort: 0,
  publicUrl: 'http://localhost',
  exchangePort: 0,
  instance,
  nodeId,
  logLevel: 'warn',
  seedSample: false,
  // The registry does not change during a run: a slow poll keeps the version reads out of the figures.
  exchange: { ...EXCHANGE_DEFAULTS, configPollSeconds: 10 },
  federation: {
    port: federationPort,
    address: `https://127.0.0.1:${federationPort}`,
    pollSeconds: FEDERATION_DEFAULTS.pollSeconds,
  },
});
const running = await startServer(config);
const { registry, registryKey } = running.platform;
const configurations = running.partnerConfigurations!;

// 1. Anchors: ours out (written whole, then renamed), the partner's in once it is there.
const anchor = await registry.federation.partners.exportAnchor({
  publicKey: registryKey.publicKey,
  certificate: await loadOrCreateAuthorityCertificate(dataDir, instance, registryKey),
});
writeFileSync(join(root, `${instance}.json.part`), JSON.stringify(anchor));
renameSync(join(root, `${instance}.json.part`), join(root, `${instance}.json`));
const partnerAnchor = await until('the partner’s anchor', async () => {
  const file = join(root, `${partner}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
});
await registry.federation.partners.add(actor, partnerAnchor);

let info: FederationNodeInfo;
if (instance === NATIONAL) {
  // 2. The ministry's service, offered to the city; the grant once the city's configuration lists the client.
  await registry.organisations.create(actor, { memberClass: 'GOV', code: 'BCA', name: 'Bộ Công an' });
  const system = await registry.systems.create(actor, `${NATIONAL}/GOV/BCA`, {
    code: 'CSDLQG-DC',
    name: 'Cơ sở dữ liệu quốc gia về dân cư',
  });
  const service = await registry.services.create(actor, system.id, {
    code: 'tra-cuu-ho-gia-dinh',
    name: 'Tra cứu thông tin hộ gia đình',
    baseUrl: providerBaseUrl,
    timeoutMs: 10_000,
  });
  await registry.federation.offers.set(actor, CITY, { service: service.id });
  await until('the grant to the city’s consumer', async () => {
    await configurations.refresh(CITY);
    if (configurations.current(CITY)?.systems.some((listed) => listed.id === CLIENT) !== true)
      return undefined;
    return registry.grants.create(actor, { client: CLIENT, service: service.id, ...GRANT_SHAPE });
  });
  info = { dataDir, nodeId };
} else {
  // 2. The consumer, a local service on the same provider, and the outbound policy towards VN.
  for (const [code, name] of [
    ['Q-LECHAN', 'Quận Lê Chân'],
    ['STP', 'Sở Tư pháp'],
  ] as const) {
    await registry.organisations.create(actor, { memberClass: 'GOV', code, name });
  }
  const providerSystem = await registry.systems.create(actor, `${CITY}/GOV/Q-LECHAN`, {
    code: 'HTTT-HOTICH',
    name: 'Hệ thống quản lý hộ tịch',
  });
  const local = await registry.services.create(actor, providerSystem.id, {
    code: 'tra-cuu-ho-gia-dinh',
    name: 'Tra cứu thông tin hộ gia đình',
    baseUrl: providerBaseUrl,
    timeoutMs: 10_000,
  });
  const client = await registry.systems.create(actor, `${CITY}/GOV/STP`, {
    code: 'HTTT-LLTP',
    name: 'Hệ thống thông tin lý lịch tư pháp',
  });
  const { token } = await registry.credentials.issueToken(actor, client.id, { label: 'bench' });
  await registry.grants.create(actor, { client: client.id, service: local.id, ...GRANT_SHAPE });
  await registry.federation.outbound.allow(actor, NATIONAL, { client: client.id });
  const headers = {
    'x-cang-client': client.id,
    authorization: `Bearer ${token}`,
    'x-cang-purpose': 'TTHC-1.001',
    'x-cang-user': 'nguyen.van.a',
  };
  const localPath = `/r1/${local.id}${REST_PATH}`;
  const crossPath = `/r1/${NATIONAL_SERVICE}${REST_PATH}`;
  // 3. Both calls answer 200 once the snapshots, the configurations and VN's grant have all caught up.
  for (const path of [localPath, crossPath]) {
    await until(`a 200 answer to ${path}`, async () => {
      if (path === crossPath) await configurations.refresh(NATIONAL);
      const answer = await fetch(`${running.exchangeUrl}${path}`, { headers });
      await answer.arrayBuffer();
      return answer.status === 200 ? true : undefined;
    });
  }
  info = { dataDir, nodeId, localPath, crossPath, headers };
}

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
