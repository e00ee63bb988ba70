import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ExchangeHarness,
  listen,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';
import { buildService, buildSnapshot, SERVICE } from './test-support/snapshot-factory.js';

let exchange: ExchangeHarness | undefined;
let provider: TestProvider | undefined;
afterEach(async () => {
  await exchange?.close();
  await provider?.close();
  exchange = undefined;
  provider = undefined;
});

async function withProvider(
  deps: Parameters<typeof startExchange>[1] = {},
  service: Partial<Parameters<typeof buildService>[0]> = {},
): Promise<ExchangeHarness> {
  provider = await startProvider();
  exchange = await startExchange(
    buildSnapshot({ services: [buildService({ baseUrl: provider.baseUrl, ...service })] }),
    deps,
  );
  return exchange;
}

async function metricsText(origin: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await request(`${origin}/metrics`, { headers });
  expect(response.statusCode).toBe(200);
  return response.body.text();
}

describe('the exchange under attack', () => {
  it('counts refusals of calls with made-up service ids under one bounded label', async () => {
    const harness = await withProvider();
    const invented = Array.from({ length: 20 }, () => `VN-HP/GOV/X${randomUUID().slice(0, 8)}/S/svc`);
    for (const [i, id] of invented.entries()) {
      // Half unauthenticated, half with a valid credential but an unknown service.
      const headers: Record<string, string> =
        i % 2 === 0 ? { authorization: 'Bearer wrong-token-0123456789' } : {};
      const result = await harness.call('GET', `/r1/${id}/x`, { headers });
      expect(result.status).toBe(i % 2 === 0 ? 401 : 404);
    }
    const text = await metricsText(harness.origin);
    for (const id of invented) expect(text).not.toContain(id);
    expect(text).toMatch(
      /cang_exchange_requests_total\{service="unknown",status="401",error_code="client-auth-failed"\} 10/,
    );
    expect(text).toMatch(
      /cang_exchange_requests_total\{service="unknown",status="404",error_code="service-unknown"\} 10/,
    );
  });

  it('stops logging the refusals of an address past its allowance, and counts them', async () => {
    const harness = await withProvider({ refusalLimit: { burst: 3, perSecond: 0.001 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
        headers: { authorization: 'Bearer guessed-0123456789' },
      });
      statuses.push(result.status);
      if (result.status === 429) {
        expect(result.headers['x-cang-error']).toBe('too-many-refusals');
        expect(Number(result.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    expect(harness.log.offered).toHaveLength(3);
    // A good call from the same address is still served and logged.
    const good = await harness.call('GET', `/r1/${SERVICE}/x`);
    expect(good.status).toBe(200);
    expect(harness.log.offered).toHaveLength(4);
    const text = await metricsText(harness.origin);
    expect(text).toMatch(/error_code="too-many-refusals"\} 3/);
  });

  it('never limits the logging of failures that are not the caller’s own (5xx)', async () => {
    exchange = await startExchange(
      buildSnapshot({ services: [buildService({ baseUrl: 'http://127.0.0.1:9' })] }),
      {
        refusalLimit: { burst: 1, perSecond: 0.001 },
      },
    );
    for (let i = 0; i < 3; i++)
      expectRefusal(await exchange.call('GET', `/r1/${SERVICE}/x`), 502, 'provider-unreachable');
    expect(exchange.log.offered).toHaveLength(3);
  });

  it('asks for the scrape token when one is configured', async () => {
    const harness = await withProvider({ metricsEndpoint: { token: 'scrape-token-0123456789' } });
    for (const authorization of [undefined, 'Bearer wrong-token-012345', 'scrape-token-0123456789']) {
      const response = await request(`${harness.origin}/metrics`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['x-cang-error']).toBe('scrape-token-invalid');
      expect(await response.body.text()).not.toContain('cang_exchange');
    }
    expect(await metricsText(harness.origin, { authorization: 'Bearer scrape-token-0123456789' })).toContain(
      'cang_exchange_requests_total',
    );
  });

  it('serves /metrics only on its own listener when it has one', async () => {
    const harness = await withProvider({ metricsEndpoint: { ownListener: true } });
    const onExchangePort = await request(`${harness.origin}/metrics`);
    expect(onExchangePort.statusCode).toBe(400);
    expect(await onExchangePort.body.text()).not.toContain('cang_exchange');
    const metricsOrigin = await listen(harness.exchange.metricsServer as Server);
    expect(await metricsText(metricsOrigin)).toContain('cang_exchange_log_queue_depth');
    expect((await request(`${metricsOrigin}/r1/${SERVICE}/x`)).statusCode).toBe(404);
  });

  it('cuts logged bodies at their limits, flags them, and still hashes the whole body', async () => {
    const harness = await withProvider(
      { loggedBodyMaxBytes: { request: 10, response: 4 } },
      { logBodies: true },
    );
    const body = 'x'.repeat(100);
    const result = await harness.call('POST', `/r1/${SERVICE}/x`, {
      body,
      headers: { 'content-type': 'text/plain' },
    });
    expect(result.status).toBe(200);
    const [record] = harness.log.records;
    expect(record!.bodies).toEqual({
      request: Buffer.from('x'.repeat(10)),
      response: Buffer.from('{"ok'),
      requestTruncated: true,
      responseTruncated: true,
    });
    expect(record!.requestBodyHash).toBe(createHash('sha256').update(body).digest('base64url'));
    expect(provider!.received[0]!.body.toString()).toBe(body);
  });

  it('keeps bodies within their limits whole and unflagged', async () => {
    const harness = await withProvider({}, { logBodies: true });
    await harness.call('POST', `/r1/${SERVICE}/x`, {
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(harness.log.records[0]!.bodies).toEqual({
      request: Buffer.from('{"a":1}'),
      response: Buffer.from('{"ok":true}'),
      requestTruncated: false,
      responseTruncated: false,
    });
  });

  it('strips forwarding headers a consumer could forge towards the provider', async () => {
    const harness = await withProvider();
    const forged = {
      'x-forwarded-for': '10.0.0.1',
      forwarded: 'for=10.0.0.1;proto=https',
      'x-real-ip': '10.0.0.1',
      'x-forwarded-host': 'admin.internal',
      'x-forwarded-proto': 'https',
      'true-client-ip': '10.0.0.1',
    };
    expect((await harness.call('GET', `/r1/${SERVICE}/x`, { headers: forged })).status).toBe(200);
    const received = provider!.received[0]!.headers;
    for (const name of Object.keys(forged)) expect(received[name]).toBeUndefined();
    expect(received['x-cang-client']).toBeDefined();
  });

  it.each([
    ['x-cang-user', 'u'.repeat(129)],
    ['x-cang-user', 'nguyễn văn a'],
    ['x-cang-purpose', 'TTHC 1.0012'],
    ['x-cang-purpose', `P${'1'.repeat(64)}`],
    ['x-cang-purpose', '-leading-dash'],
  ])(
    'refuses a malformed %s (%s), logs the refusal without it, and forwards nothing',
    async (name, value) => {
      const harness = await withProvider();
      // Sent as the UTF-8 bytes a client would put on the wire.
      const onTheWire = Buffer.from(value, 'utf8').toString('latin1');
      const result = await harness.call('GET', `/r1/${SERVICE}/x`, { headers: { [name]: onTheWire } });
      expectRefusal(result, 400, 'bad-request');
      expect(result.json()).toMatchObject({ detail: expect.stringMatching(/^X-Cang-(User|Purpose) /) });
      expect(provider!.received).toHaveLength(0);
      expect(harness.log.records[0]).toMatchObject({
        status: 400,
        errorCode: 'bad-request',
        userId: null,
        purpose: null,
      });
    },
  );

  it('accepts user and purpose headers in the documented forms', async () => {
    const harness = await withProvider();
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
      headers: { 'x-cang-user': 'cb.nguyen@haiphong.gov.vn', 'x-cang-purpose': 'TTHC-1.004227' },
    });
    expect(result.status).toBe(200);
    expect(provider!.received[0]!.headers['x-cang-user']).toBe('cb.nguyen@haiphong.gov.vn');
    expect(harness.log.records[0]).toMatchObject({
      userId: 'cb.nguyen@haiphong.gov.vn',
      purpose: 'TTHC-1.004227',
    });
  });
});
