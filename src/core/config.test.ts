import { describe, expect, it } from 'vitest';
import { CangError } from './cang-error.js';
import { EXCHANGE_DEFAULTS, loopbackProvidersAllowed, validateConfig } from './config.js';

function raw(overrides: Record<string, unknown> = {}) {
  return {
    dataDir: '/tmp/cang',
    role: 'all',
    host: '127.0.0.1',
    adminPort: 8080,
    exchangePort: 8081,
    publicUrl: 'https://cang.haiphong.gov.vn',
    instance: 'VN-HP',
    nodeId: 'hp-node-1',
    logLevel: 'info',
    seedSample: true,
    exchange: { ...EXCHANGE_DEFAULTS },
    ...overrides,
  };
}

function problems(value: unknown): string[] {
  try {
    validateConfig(value);
  } catch (error) {
    if (error instanceof CangError) return (error.errors ?? []).map((e) => `${e.pointer}: ${e.detail}`);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('takes a whole configuration and freezes it', () => {
    const config = validateConfig(raw());
    expect(Object.isFrozen(config.exchange)).toBe(true);
  });

  it('refuses a split deployment without a shared subject-hash key, naming it', () => {
    for (const role of ['admin', 'exchange']) {
      expect(problems(raw({ role }))).toEqual([
        expect.stringMatching(
          /^\/subjectHashKey: CANG_SUBJECT_HASH_KEY is required when CANG_ROLE is admin or exchange/,
        ),
      ]);
      expect(problems(raw({ role, subjectHashKey: 'a-key-shared-by-every-node' }))).toEqual([]);
    }
    expect(problems(raw({ role: 'all' }))).toEqual([]);
  });

  it('refuses a public URL that is not an http(s) origin and path', () => {
    for (const publicUrl of [
      'cang.haiphong.gov.vn',
      'ftp://x',
      'https://x/?q=1',
      'https://x/#f',
      'https://a b',
    ]) {
      expect(problems(raw({ publicUrl })).map((p) => p.split(':')[0])).toEqual(['/publicUrl']);
    }
  });

  it('allows loopback providers all in one and refuses them on split nodes unless configured', () => {
    const key = { subjectHashKey: 'a-key-shared-by-every-node' };
    expect(loopbackProvidersAllowed(validateConfig(raw()))).toBe(true);
    expect(loopbackProvidersAllowed(validateConfig(raw({ role: 'exchange', ...key })))).toBe(false);
    expect(loopbackProvidersAllowed(validateConfig(raw({ role: 'admin', ...key })))).toBe(false);
    expect(loopbackProvidersAllowed(validateConfig(raw({ allowLoopbackProviders: false })))).toBe(false);
    expect(
      loopbackProvidersAllowed(
        validateConfig(raw({ role: 'exchange', allowLoopbackProviders: true, ...key })),
      ),
    ).toBe(true);
    expect(problems(raw({ allowLoopbackProviders: 'yes' })).map((p) => p.split(':')[0])).toEqual([
      '/allowLoopbackProviders',
    ]);
  });

  it('takes trusted proxies as addresses and CIDR ranges only, naming each bad entry', () => {
    expect(problems(raw({ trustProxy: ['10.0.0.5', '10.0.0.0/24', '::1', 'fd00::/8'] }))).toEqual([]);
    const bad = problems(raw({ trustProxy: ['10.0.0.5', '*', 'true', '2', '10.0.0.0/33', 'proxy.local'] }));
    expect(bad.map((p) => p.split(':')[0])).toEqual([
      '/trustProxy/1',
      '/trustProxy/2',
      '/trustProxy/3',
      '/trustProxy/4',
      '/trustProxy/5',
    ]);
    expect(problems(raw({ trustProxy: [] })).map((p) => p.split(':')[0])).toEqual(['/trustProxy']);
  });

  it('runs several exchange workers on PostgreSQL only, on nodes that run the exchange', () => {
    const postgres = { databaseUrl: 'postgres://cang@db/cang', exchangeWorkers: 2 };
    expect(problems(raw(postgres))).toEqual([]);
    expect(problems(raw({ ...postgres, exchangeWorkers: 1, databaseUrl: undefined }))).toEqual([]);
    expect(problems(raw({ exchangeWorkers: 2 }))).toEqual([
      '/exchangeWorkers: CANG_EXCHANGE_WORKERS above 1 needs PostgreSQL (CANG_DATABASE_URL): SQLite has one writer',
    ]);
    expect(
      problems(raw({ ...postgres, role: 'admin', subjectHashKey: 'a-shared-subject-hash-key' })).map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['/exchangeWorkers']);
    const federation = { port: 8443, address: 'https://cang.example:8443', pollSeconds: 30 };
    expect(problems(raw({ ...postgres, federation })).map((p) => p.split(':')[0])).toEqual([
      '/exchangeWorkers',
    ]);
    expect(problems(raw({ ...postgres, exchangeWorkers: 0 })).map((p) => p.split(':')[0])).toEqual([
      '/exchangeWorkers',
    ]);
    expect(problems(raw({ ...postgres, nodeId: 'n'.repeat(62) })).map((p) => p.split(':')[0])).toEqual([
      '/nodeId',
    ]);
  });

  it('refuses an API token lifetime outside 1 to 3650 days', () => {
    expect(problems(raw({ apiTokenDays: 30 }))).toEqual([]);
    for (const apiTokenDays of [0, 3651, 1.5]) {
      expect(problems(raw({ apiTokenDays })).map((p) => p.split(':')[0])).toEqual(['/apiTokenDays']);
    }
  });
});
