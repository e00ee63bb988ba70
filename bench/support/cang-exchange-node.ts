/**
 * An exchange-only node for the benchmarks, in its own process (`role: exchange`, as production runs it):
 * on the admin node's store, polling its signed configuration with the registry key pinned. On SQLite it
 * runs in the admin node's data directory (where the file is); on PostgreSQL in a folder of its own under
 * it, as each node of a cluster keeps its own data folder (node key, cached snapshot). Usage:
 * cang-exchange-node.ts {nodeId} {AdminNodeInfo json}. Once it serves the benchmark's grant it prints
 * `READY {exchangePort} {json}` with json = ExchangeNodeInfo; SIGTERM closes it cleanly (the log flushed
 * and sealed).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXCHANGE_DEFAULTS, validateConfig } from '../../src/core/index.js';
import { startServer } from '../../src/server.js';
import type { AdminNodeInfo } from './cang-admin-node.js';

/** What the exchange node tells the benchmark on its READY line. */
export interface ExchangeNodeInfo {
  readonly nodeId: string;
  /** Log entries written before READY (the readiness probes). */
  readonly entriesBefore: number;
}

const nodeId = process.argv[2]!;
const admin = JSON.parse(process.argv[3]!) as AdminNodeInfo;
const dataDir = admin.databaseUrl === undefined ? admin.dataDir : join(admin.dataDir, 'nodes', nodeId);
mkdirSync(dataDir, { recursive: true });
const config = validateConfig({
  dataDir,
  ...(admin.databaseUrl === undefined ? {} : { databaseUrl: admin.databaseUrl }),
  role: 'exchange',
  host: '127.0.0.1',
  adminPort: 0,
  publicUrl: 'http://localhost',
  exchangePort: 0,
  instance: 'VN-HP',
  nodeId,
  logLevel: 'warn',
  seedSample: false,
  subjectHashKey: admin.subjectHashKey,
  // The provider runs on loopback beside the nodes, which a split deployment refuses by default.
  allowLoopbackProviders: true,
  // The registry does not change during a run: a slow poll keeps the version reads out of the figures.
  exchange: {
    ...EXCHANGE_DEFAULTS,
    configPollSeconds: 10,
    registryUrl: admin.registryUrl,
    registryPublicKey: admin.registryPublicKey,
  },
});

const running = await startServer(config);
// The first poll may still be under way: call until the grant is served.
for (let attempt = 0; ; attempt++) {
  const answer = await fetch(`${running.exchangeUrl}${admin.path}`, { headers: admin.headers });
  await answer.arrayBuffer();
  if (answer.status === 200) break;
  if (attempt >= 100) throw new Error(`the exchange still answers ${answer.status} after 10 s`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
// Every probe's answer was released after its entry committed, so this count is exact.
const counted = await running.platform.store.db
  .selectFrom('log_entries')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('node_id', '=', nodeId)
  .executeTakeFirstOrThrow();

const info: ExchangeNodeInfo = { nodeId, entriesBefore: Number(counted.n) };
process.stdout.write(`READY ${new URL(running.exchangeUrl!).port} ${JSON.stringify(info)}\n`);

process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
