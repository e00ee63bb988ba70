import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../core/index.js';
import {
  type CallResult,
  type ExchangeHarness,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import {
  buildGrant,
  buildService,
  buildSnapshot,
  CLIENT,
  OTHER_CLIENT,
  OTHER_TOKEN,
  PROVIDER,
  SERVICE,
} from './test-support/snapshot-factory.js';

const DISABLED = `${PROVIDER}/disabled`;
const NARROW = `${PROVIDER}/narrow`;
const EXPIRED = `${PROVIDER}/expired`;
const QUOTA = `${PROVIDER}/quota`;
const UNGRANTED = `${PROVIDER}/ungranted`;

let provider: TestProvider;
let harness: ExchangeHarness;

beforeAll(async () => {
  provider = await startProvider();
  const baseUrl = provider.baseUrl;
  harness = await startExchange(
    buildSnapshot({
      services: [
        buildService({ baseUrl }),
        buildService({ id: DISABLED, baseUrl, enabled: false }),
        buildService({ id: NARROW, baseUrl }),
        buildService({ id: EXPIRED, baseUrl }),
        buildService({ id: QUOTA, baseUrl }),
        buildService({ id: UNGRANTED, baseUrl }),
      ],
      grants: [
        buildGrant(),
        buildGrant({ id: 'g-disabled', service: DISABLED }),
        buildGrant({ id: 'g-narrow', service: NARROW, methods: ['GET'], pathPatterns: ['/households/*'] }),
        buildGrant({ id: 'g-expired', service: EXPIRED, expiresAt: Date.now() - 1 }),
        buildGrant({ id: 'g-quota', service: QUOTA, quotaPerMinute: 2 }),
      ],
    }),
  );
});

afterAll(async () => {
  await harness.close();
  await provider.close();
});

function expectRefusal(result: CallResult, status: number, code: string): void {
  expect(result.status).toBe(status);
  expect(result.headers['x-cang-error']).toBe(code);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.headers['x-cang-id']).toMatch(/^[0-9a-f-]{36}$/);
  const problem = result.json() as { type: string; status: number; code: string };
  expect(problem).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);
}

async function lastRecord(result: CallResult) {
  await harness.log.waitFor(harness.log.records.length);
  return harness.log.records.find((record) => record.id === result.headers['x-cang-id']);
}

describe('refusals, from the refused caller', () => {
  it('refuses an unknown client with 401 client-auth-failed and logs it without a client id', async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
      headers: { 'x-cang-client': 'VN-HP/GOV/9/NOBODY' },
    });
    expectRefusal(result, 401, 'client-auth-failed');
    expect(await lastRecord(result)).toMatchObject({
      clientId: null,
      status: 401,
      errorCode: 'client-auth-failed',
    });
  });

  it('refuses a wrong token with 401 client-auth-failed', async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
      headers: { authorization: 'Bearer nope' },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it("refuses another system's token with 401 client-auth-failed", async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
      headers: { authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses a spoofed X-Cang-Client (token of A, client B) with 401 client-auth-failed', async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, {
      headers: { 'x-cang-client': OTHER_CLIENT },
    });
    expectRefusal(result, 401, 'client-auth-failed');
    expect(provider.received).toHaveLength(0);
  });

  it('refuses a missing X-Cang-Client with 401 client-auth-failed', async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, { headers: { 'x-cang-client': null } });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses a missing credential with 401 client-auth-failed', async () => {
    const result = await harness.call('GET', `/r1/${SERVICE}/x`, { headers: { authorization: null } });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses an unknown service with 404 service-unknown', async () => {
    expectRefusal(await harness.call('GET', `/r1/${PROVIDER}/nothing-here/x`), 404, 'service-unknown');
  });

  it('refuses a disabled service with 503 service-disabled', async () => {
    expectRefusal(await harness.call('GET', `/r1/${DISABLED}/x`), 503, 'service-disabled');
  });

  it('refuses a client without a grant with 403 access-denied and logs the client', async () => {
    const result = await harness.call('GET', `/r1/${UNGRANTED}/x`);
    expectRefusal(result, 403, 'access-denied');
    expect(await lastRecord(result)).toMatchObject({ clientId: CLIENT, serviceId: UNGRANTED, status: 403 });
  });

  it('refuses an expired grant with 403 access-denied', async () => {
    expectRefusal(await harness.call('GET', `/r1/${EXPIRED}/x`), 403, 'access-denied');
  });

  it('refuses a method the grant does not allow with 403 access-denied', async () => {
    expectRefusal(await harness.call('DELETE', `/r1/${NARROW}/households/1`), 403, 'access-denied');
  });

  it('refuses a path the grant does not allow with 403 access-denied', async () => {
    expectRefusal(await harness.call('GET', `/r1/${NARROW}/persons/1`), 403, 'access-denied');
    expectRefusal(await harness.call('GET', `/r1/${NARROW}/households/1/members`), 403, 'access-denied');
    expect((await harness.call('GET', `/r1/${NARROW}/households/1`)).status).toBe(200);
  });

  it.each([
    ['dot-dot', '/households/../admin'],
    ['encoded dot-dot', '/households/%2e%2e/admin'],
    ['encoded slash', '/households%2F..%2Fadmin'],
    ['double encoding', '/households/%252F'],
    ['overlong segment', `/households/${'x'.repeat(256)}`],
    ['invalid UTF-8', '/households/%C3%28'],
    ['backslash', '/households/..%5Cadmin'],
    ['empty segment', '/households//1'],
  ])('refuses a path trick (%s) with 400 bad-request before any grant applies', async (_name, path) => {
    const result = await harness.call('GET', `/r1/${NARROW}${path}`);
    expectRefusal(result, 400, 'bad-request');
    expect(await lastRecord(result)).toMatchObject({
      clientId: CLIENT,
      status: 400,
      errorCode: 'bad-request',
    });
  });

  it('refuses a malformed service id with 400 bad-request, without a log record', async () => {
    const before = harness.log.records.length;
    expectRefusal(await harness.call('GET', '/r1/VN-HP/XYZ/1/S/svc'), 400, 'bad-request');
    expectRefusal(await harness.call('GET', '/elsewhere'), 400, 'bad-request');
    expect(harness.log.records.length).toBe(before);
  });

  it('refuses calls over the quota with 429 rate-limited and Retry-After', async () => {
    expect((await harness.call('GET', `/r1/${QUOTA}/x`)).status).toBe(200);
    expect((await harness.call('GET', `/r1/${QUOTA}/x`)).status).toBe(200);
    const result = await harness.call('GET', `/r1/${QUOTA}/x`);
    expectRefusal(result, 429, 'rate-limited');
    expect(Number(result.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(result.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('logs the subject only as a keyed hash, with user and purpose', async () => {
    const result = await harness.call('GET', `/r1/${UNGRANTED}/x`, {
      headers: {
        'x-cang-subject': '031099001234',
        'x-cang-user': 'cb.nguyen',
        'x-cang-purpose': 'TTHC-1.0012',
      },
    });
    const record = await lastRecord(result);
    expect(record).toMatchObject({
      subjectHash: keyedHash('subject-hash-key-for-tests', '031099001234'),
      userId: 'cb.nguyen',
      purpose: 'TTHC-1.0012',
    });
    expect(JSON.stringify(record)).not.toContain('031099001234');
  });

  it('answers 503 not-ready once the snapshot has expired', async () => {
    const expired = await startExchange(buildSnapshot({ expiresAt: Date.now() + 50 }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expectRefusal(await expired.call('GET', `/r1/${SERVICE}/x`), 503, 'not-ready');
    await expired.close();
  });
});
