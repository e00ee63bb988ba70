/**
 * Revocation latency across nodes: an admin node and an exchange-only node that polls the signed
 * configuration from it, as in production. Each round grants a client a service, waits until the exchange
 * node serves it, deletes the grant on the admin node and times how long the exchange node still answers
 * 200 before it refuses with 403. The promise is "within one poll interval" (ARCHITECTURE.md, "Signed
 * configuration"), so the figures are printed against the interval. BENCH_REVOCATION_ROUNDS sets the
 * rounds (default 5), BENCH_POLL_SECONDS the poll interval (default 1). The last line is machine-readable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CangProcess, runCang, startCang } from '../test/support/cang-process.js';
import { waitUntil } from '../test/support/wait-until.js';
import { positiveEnv } from './support/positive-env.js';

/** The nodes of a split deployment share one subject-hash key. */
const SHARED_SUBJECT_KEY = 'subject-hash-key-shared-by-the-nodes';

const PROVIDER_ORG = 'VN-HP/GOV/SXD';
const CLIENT_ORG = 'VN-HP/GOV/STC';
const CLIENT = `${CLIENT_ORG}/HTTT-NS`;

/** Logs in as the first administrator and returns a caller of the admin API that must succeed. */
async function adminApi(admin: CangProcess) {
  const login = await fetch(`${admin.adminUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: admin.adminPassword }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return async (method: string, path: string, body?: unknown): Promise<Record<string, string>> => {
    const response = await fetch(`${admin.adminUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-requested-with': 'cang-console',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? {} : ((await response.json()) as Record<string, string>);
  };
}

/** Runs the rounds and prints each latency, the median and the worst, and the BENCH line. */
export async function benchRevocation(): Promise<void> {
  const rounds = Math.floor(positiveEnv('BENCH_REVOCATION_ROUNDS', 5));
  const pollSeconds = positiveEnv('BENCH_POLL_SECONDS', 1);
  console.log(`revocation: ${rounds} rounds, the exchange node polling every ${pollSeconds} s`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cang-bench-revocation-'));
  const provider = createServer((req, res) => {
    req.resume();
    res.end('{"ok":true}');
  });
  await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
  const providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
  const processes: CangProcess[] = [];
  try {
    // 1. The admin node, a provider service and a client system with a token.
    const admin = await startCang(dataDir, { CANG_ROLE: 'admin', CANG_SUBJECT_HASH_KEY: SHARED_SUBJECT_KEY });
    processes.push(admin);
    const registryKey = /Registry key \S+:\s+(\S+)/.exec(runCang(dataDir, ['keys']).stdout)?.[1];
    if (registryKey === undefined) throw new Error('cang keys printed no registry key');
    const write = await adminApi(admin);
    await write('POST', `/organisations/${PROVIDER_ORG}/systems`, {
      code: 'HTTT-CPXD',
      name: 'Cấp phép xây dựng',
    });
    const service = await write('POST', `/organisations/${PROVIDER_ORG}/systems/HTTT-CPXD/services`, {
      code: 'tra-cuu-giay-phep',
      name: 'Tra cứu giấy phép xây dựng',
      baseUrl: providerUrl,
    });
    await write('POST', `/organisations/${CLIENT_ORG}/systems`, {
      code: 'HTTT-NS',
      name: 'Quản lý ngân sách',
    });
    const { token } = await write('POST', `/organisations/${CLIENT_ORG}/systems/HTTT-NS/credentials`, {});

    // 2. The exchange-only node, with the registry key pinned.
    const exchange = await startCang(dataDir, {
      CANG_ROLE: 'exchange',
      CANG_SUBJECT_HASH_KEY: SHARED_SUBJECT_KEY,
      CANG_NODE_ID: 'hp-node-2',
      CANG_REGISTRY_URL: `${admin.adminUrl}/api/v1/config/snapshot`,
      CANG_REGISTRY_PUBLIC_KEY: registryKey,
      CANG_CONFIG_POLL_SECONDS: String(pollSeconds),
      // The benchmark's provider runs on loopback; a split deployment refuses that by default.
      CANG_ALLOW_LOOPBACK_PROVIDERS: 'true',
    });
    processes.push(exchange);
    const status = async () => {
      const response = await fetch(`${exchange.exchangeUrl}/r1/${service.id}/giay-phep/123`, {
        headers: { 'x-cang-client': CLIENT, authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return response.status;
    };

    // 3. Grant, wait until served, revoke, and time until refused.
    const latencies: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const grant = await write('POST', '/grants', { client: CLIENT, service: service.id });
      await waitUntil(async () => (await status()) === 200, 'the grant is served', { timeoutMs: 60_000 });
      const revokedAt = performance.now();
      await write('DELETE', `/grants/${grant.id}`);
      await waitUntil(async () => (await status()) === 403, 'the revoked grant is refused', {
        timeoutMs: 60_000,
        everyMs: 5,
      });
      const latency = performance.now() - revokedAt;
      latencies.push(latency);
      console.log(`  round ${round}: refused ${latency.toFixed(0)} ms after the revocation`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const worst = sorted.at(-1)!;
    const intervalMs = pollSeconds * 1000;
    console.log(
      `median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms; worst / poll interval ${(worst / intervalMs).toFixed(2)}`,
    );
    console.log(
      `BENCH revocation median_ms=${median.toFixed(0)} worst_ms=${worst.toFixed(0)} poll_ms=${intervalMs} worst_ratio=${(worst / intervalMs).toFixed(2)}`,
    );
  } finally {
    for (const p of processes) await p.kill();
    provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchRevocation();
}
