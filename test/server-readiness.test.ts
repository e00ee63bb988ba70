import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_DEFAULTS, validateConfig } from '../src/core/index.js';
import { type RunningServer, startServer } from '../src/server.js';

describe('one readiness check on both ports', () => {
  let dataDir: string;
  let running: RunningServer;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-ready-'));
    const config = validateConfig({
      dataDir,
      role: 'all',
      host: '127.0.0.1',
      adminPort: 0,
      publicUrl: 'http://localhost',
      exchangePort: 0,
      instance: 'VN-HP',
      nodeId: 'hp-ready-1',
      logLevel: 'silent',
      seedSample: false,
      exchange: EXCHANGE_DEFAULTS,
    });
    running = await startServer(config, { logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each port's readiness status, with the problem code when it is not ready. */
  const readiness = async () =>
    Promise.all(
      [running.adminUrl, running.exchangeUrl].map(async (origin) => {
        const response = await fetch(`${origin}/health/ready`);
        const body = (await response.json()) as { code?: string };
        return response.ok ? response.status : `${response.status} ${body.code}`;
      }),
    );

  it('answers ready on the admin and the exchange port while the store answers, and not-ready on both once it does not', async () => {
    expect(await readiness()).toEqual([200, 200]);
    // The store stops answering: both ports must say so, neither may still claim to be ready.
    await running.platform.store.close();
    expect(await readiness()).toEqual(['503 not-ready', '503 not-ready']);
  });
});
