import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Config,
  EXCHANGE_DEFAULTS,
  FEDERATION_DEFAULTS,
  generateSigningKeyPair,
  validateConfig,
} from '../src/core/index.js';
import { type RunningServer, startServer } from '../src/server.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function configFor(role: 'all' | 'exchange', federation: Record<string, unknown>): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'cang-federation-server-'));
  dirs.push(dataDir);
  return validateConfig({
    dataDir,
    role,
    host: '127.0.0.1',
    adminPort: 0,
    exchangePort: 0,
    publicUrl: 'http://localhost',
    ...(role === 'exchange' ? { subjectHashKey: 'subject-hash-key-shared-by-the-nodes' } : {}),
    instance: 'VN-HP',
    nodeId: 'hp-fed-1',
    logLevel: 'silent',
    seedSample: false,
    exchange: {
      ...EXCHANGE_DEFAULTS,
      ...(role === 'exchange'
        ? {
            registryUrl: 'http://127.0.0.1:9/api/v1/config/snapshot',
            registryPublicKey: generateSigningKeyPair().publicKey,
          }
        : {}),
    },
    federation: {
      port: 0,
      address: 'https://127.0.0.1:8443',
      pollSeconds: FEDERATION_DEFAULTS.pollSeconds,
      ...federation,
    },
  });
}

/** A TLS handshake without a client certificate: resolves with the HTTP status or rejects with the refusal. */
function handshake(origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/federation/v1/configuration`, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a federating node', () => {
  let running: RunningServer | undefined;
  afterAll(() => running?.close());

  it('in the all-in-one process makes its identity from the registry key and opens a listener no stranger gets through', async () => {
    const config = configFor('all', {});
    running = await startServer(config, { logger: pino({ level: 'silent' }) });
    expect(running.federationUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(running.partnerConfigurations?.status('VN')).toBeUndefined();
    expect(existsSync(join(config.dataDir, 'keys', 'authority.pem'))).toBe(true);
    expect(statSync(join(config.dataDir, 'keys', 'federation-hp-fed-1.pem')).mode & 0o777).toBe(0o600);
    await expect(handshake(running.federationUrl!)).rejects.toThrow(/certificate|socket|ECONNRESET|alert/i);
  });

  it('as an exchange-only node refuses to start without its identity file', async () => {
    await expect(
      startServer(configFor('exchange', {}), { logger: pino({ level: 'silent' }) }),
    ).rejects.toThrow(/CANG_FEDERATION_TLS_FILE/);
  });
});
