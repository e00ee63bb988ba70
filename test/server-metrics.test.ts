import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCHANGE_DEFAULTS, validateConfig } from '../src/core/index.js';
import { type RunningServer, startServer } from '../src/server.js';

const dirs: string[] = [];
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(
  role: 'all' | 'admin',
  metrics: { port?: number; token?: string },
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cang-metrics-'));
  dirs.push(dataDir);
  const config = validateConfig({
    dataDir,
    role,
    host: '127.0.0.1',
    adminPort: 0,
    exchangePort: 0,
    publicUrl: 'http://localhost',
    instance: 'VN-HP',
    nodeId: 'hp-metrics-1',
    logLevel: 'silent',
    seedSample: false,
    exchange: EXCHANGE_DEFAULTS,
    metrics,
    ...(role === 'admin' ? { subjectHashKey: 'subject-hash-key-shared-by-the-nodes' } : {}),
  });
  running = await startServer(config, { logger: pino({ level: 'silent' }) });
  return running;
}

async function scrape(url: string, token?: string): Promise<string> {
  const response = await fetch(
    url,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
  expect(response.status).toBe(200);
  return response.text();
}

function promtoolFindings(text: string): string {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error) throw result.error;
  return `${result.status} ${result.stdout}${result.stderr}`.trim();
}

describe('a node’s metrics', () => {
  it('time admin API answers by route pattern beside the exchange’s, never by the path asked for', async () => {
    const server = await start('all', {});
    expect((await fetch(`${server.adminUrl}/api/v1/nodes/hp-zzz`)).status).toBe(401);
    // Counted under the console's catch-all pattern when the console is built, else as unmatched.
    expect((await fetch(`${server.adminUrl}/api/v1/made-up-path-1234`)).status).toBe(404);
    const text = await scrape(`${server.exchangeUrl}/metrics`);
    expect(text).toMatch(
      /cang_admin_request_duration_seconds_count\{method="GET",route="\/api\/v1\/nodes\/:id",status="401"\} 1/,
    );
    expect(text).toMatch(
      /cang_admin_request_duration_seconds_count\{method="GET",route="(?:\/\*|unmatched)",status="404"\} 1/,
    );
    expect(text).not.toContain('made-up-path-1234');
    expect(text).toContain('cang_exchange_config_version');
    expect(promtoolFindings(text)).toBe('0');
  });

  it('are served on their own port, behind the scrape token, on an admin-only node', async () => {
    const server = await start('admin', { port: 0, token: 'scrape-token-0123456789' });
    expect(server.exchangeUrl).toBeUndefined();
    const refused = await fetch(`${server.metricsUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-cang-error')).toBe('scrape-token-invalid');
    await fetch(`${server.adminUrl}/health/ready`);
    const text = await scrape(`${server.metricsUrl}/metrics`, 'scrape-token-0123456789');
    expect(text).toMatch(
      /cang_admin_request_duration_seconds_count\{method="GET",route="\/health\/ready",status="200"\} 1/,
    );
    expect(text).toContain('process_resident_memory_bytes');
    expect(promtoolFindings(text)).toBe('0');
  });
});
