import type { Server } from 'node:https';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CertificateWithKey, certificateFingerprint, issueCertificate } from '../core/index.js';
import { createExchange } from './create-exchange.js';
import { createMemorySnapshotSource } from './memory-snapshot-source.js';
import { listen, startExchange, startProvider, type TestProvider } from './test-support/exchange-harness.js';
import { createMemoryTransactionLog } from './test-support/memory-transaction-log.js';
import { buildService, buildSnapshot, CLIENT, SERVICE } from './test-support/snapshot-factory.js';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startProvider();
});
afterAll(() => provider.close());

function build(overrides: Parameters<typeof createExchange>[0] extends infer D ? Partial<D> : never = {}) {
  const snapshots = createMemorySnapshotSource();
  return createExchange({
    nodeId: 'node-1',
    instance: 'VN-HP',
    snapshots,
    log: createMemoryTransactionLog(),
    subjectHashKey: 'subject-hash-key-for-tests',
    outbound: { allowLoopback: true },
    ...overrides,
  });
}

async function get(origin: string, path: string) {
  const client = new Client(origin);
  const response = await client.request({ path, method: 'GET' });
  const text = await response.body.text();
  await client.close();
  return { status: response.statusCode, headers: response.headers, text };
}

describe('health and metrics', () => {
  it('answers /health/live always, /health/ready only with a valid config and a ready store', async () => {
    let storeUp = true;
    const harness = await startExchange(buildSnapshot(), { ready: async () => storeUp });
    expect((await get(harness.origin, '/health/live')).status).toBe(200);
    expect((await get(harness.origin, '/health/ready')).status).toBe(200);
    storeUp = false;
    const down = await get(harness.origin, '/health/ready');
    expect(down.status).toBe(503);
    expect(down.headers['x-cang-error']).toBe('not-ready');
    await harness.close();

    const empty = build();
    const origin = await listen(empty.server);
    expect((await get(origin, '/health/live')).status).toBe(200);
    expect((await get(origin, '/health/ready')).status).toBe(503);
    await empty.close();
  });

  it('exposes request counters, durations, log queue depth and config version at /metrics', async () => {
    const harness = await startExchange(
      buildSnapshot({ version: 42, services: [buildService({ baseUrl: provider.baseUrl })] }),
    );
    await harness.call('GET', `/r1/${SERVICE}/x`);
    await harness.call('GET', `/r1/${SERVICE}/x`, { headers: { authorization: 'Bearer nope' } });
    const metrics = await get(harness.origin, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain(
      `cang_exchange_requests_total{service="${SERVICE}",status="200",error_code=""} 1`,
    );
    expect(metrics.text).toContain(
      // A refusal before the service is found counts under a bounded label, never the caller's string.
      'cang_exchange_requests_total{service="unknown",status="401",error_code="client-auth-failed"} 1',
    );
    expect(metrics.text).toContain('cang_exchange_request_duration_seconds_bucket');
    expect(metrics.text).toContain('cang_exchange_log_queue_depth 0');
    expect(metrics.text).toContain('cang_exchange_config_version 42');
    await harness.close();
  });
});

describe('error boundary', () => {
  it('answers an unexpected failure with a bare 500 internal problem, no stack trace', async () => {
    const logged: unknown[] = [];
    const exchange = build({
      snapshots: {
        current() {
          throw new Error('secret internal detail at /srv/cang/x.ts:12');
        },
      },
      logger: { info() {}, warn() {}, error: (entry) => logged.push(entry) },
    });
    const origin = await listen(exchange.server);
    const answer = await get(origin, `/r1/${SERVICE}/x`);
    expect(answer.status).toBe(500);
    expect(answer.headers['x-cang-error']).toBe('internal');
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'urn:cang:problem:internal', status: 500 });
    expect(answer.text).not.toContain('secret');
    expect(answer.text).not.toMatch(/\.ts:\d+|at /);
    expect(logged).toHaveLength(1);
    await exchange.close();
  });
});

// Certificates are made in process, so this suite needs no system openssl and always runs.
describe('TLS client certificates', () => {
  it('authenticates a client by its registered certificate fingerprint, and refuses another one', async () => {
    const server = await issueCertificate({ name: 'exchange', hosts: ['127.0.0.1'] });
    const registered = await issueCertificate({ name: 'motcua' });
    const stranger = await issueCertificate({ name: 'stranger' });
    const snapshots = createMemorySnapshotSource();
    snapshots.set(
      buildSnapshot({
        services: [buildService({ baseUrl: provider.baseUrl })],
        credentials: [
          {
            id: 'c',
            system: CLIENT,
            tokenHash: null,
            certificateFingerprint: certificateFingerprint(registered.certificate),
            expiresAt: null,
          },
        ],
      }),
    );
    const log = createMemoryTransactionLog();
    const exchange = build({
      snapshots,
      log,
      tls: { key: server.privateKey, cert: server.certificate },
    });
    const origin = (await listen(exchange.server as unknown as Server)).replace('http:', 'https:');
    const call = async (identity: CertificateWithKey | null) => {
      const client = new Client(origin, {
        connect: {
          ca: server.certificate,
          ...(identity === null ? {} : { key: identity.privateKey, cert: identity.certificate }),
        },
      });
      const response = await client.request({
        path: `/r1/${SERVICE}/x`,
        method: 'GET',
        headers: { 'x-cang-client': CLIENT },
      });
      const text = await response.body.text();
      await client.close();
      const code = response.headers['x-cang-error'];
      return {
        status: response.statusCode,
        code,
        problem: code === undefined ? undefined : JSON.parse(text),
      };
    };
    const received = provider.received.length;
    expect(await call(registered)).toEqual({ status: 200, code: undefined, problem: undefined });
    expect(provider.received.length).toBe(received + 1);
    for (const refused of [stranger, null]) {
      const answer = await call(refused);
      expect(answer).toMatchObject({
        status: 401,
        code: 'client-auth-failed',
        problem: { type: 'urn:cang:problem:client-auth-failed', status: 401, code: 'client-auth-failed' },
      });
    }
    // Nothing reached the provider for the refused callers, and both refusals are in the log.
    expect(provider.received.length).toBe(received + 1);
    await log.waitFor(3);
    expect(log.records.map((r) => [r.status, r.errorCode])).toEqual([
      [200, null],
      [401, 'client-auth-failed'],
      [401, 'client-auth-failed'],
    ]);
    await exchange.close();
  });
});
