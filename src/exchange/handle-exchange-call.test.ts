import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../core/index.js';
import {
  type CallResult,
  type ExchangeHarness,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';
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

/** The committed record of a call: a refusal is answered only once its record is committed. */
function lastRecord(result: CallResult) {
  return harness.log.records.find((record) => record.id === result.headers['x-cang-id']);
}

/** Calls the exchange as a refused caller: whatever the answer, nothing may reach the provider. */
async function callRefused(...args: Parameters<ExchangeHarness['call']>): Promise<CallResult> {
  const before = provider.received.length;
  const result = await harness.call(...args);
  expect(provider.received.length, 'a refused call reached the provider').toBe(before);
  return result;
}

describe('refusals, from the refused caller', () => {
  it('refuses an unknown client with 401 client-auth-failed and logs it without a client id', async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, {
      headers: { 'x-cang-client': 'VN-HP/GOV/9/NOBODY' },
    });
    expectRefusal(result, 401, 'client-auth-failed');
    expect(lastRecord(result)).toMatchObject({
      clientId: null,
      status: 401,
      errorCode: 'client-auth-failed',
    });
  });

  it('refuses a wrong token with 401 client-auth-failed', async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, {
      headers: { authorization: 'Bearer nope' },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it("refuses another system's token with 401 client-auth-failed", async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, {
      headers: { authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses a spoofed X-Cang-Client (token of A, client B) with 401 client-auth-failed', async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, {
      headers: { 'x-cang-client': OTHER_CLIENT },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses a missing X-Cang-Client with 401 client-auth-failed', async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, { headers: { 'x-cang-client': null } });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses a missing credential with 401 client-auth-failed', async () => {
    const result = await callRefused('GET', `/r1/${SERVICE}/x`, { headers: { authorization: null } });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('refuses an unknown service with 404 service-unknown', async () => {
    expectRefusal(await callRefused('GET', `/r1/${PROVIDER}/nothing-here/x`), 404, 'service-unknown');
  });

  it('refuses a disabled service with 503 service-disabled', async () => {
    expectRefusal(await callRefused('GET', `/r1/${DISABLED}/x`), 503, 'service-disabled');
  });

  it('refuses a client without a grant with 403 access-denied and logs the client', async () => {
    const result = await callRefused('GET', `/r1/${UNGRANTED}/x`);
    expectRefusal(result, 403, 'access-denied');
    expect(lastRecord(result)).toMatchObject({ clientId: CLIENT, serviceId: UNGRANTED, status: 403 });
  });

  it('refuses an expired grant with 403 access-denied', async () => {
    expectRefusal(await callRefused('GET', `/r1/${EXPIRED}/x`), 403, 'access-denied');
  });

  it('refuses a method the grant does not allow with 403 access-denied', async () => {
    expectRefusal(await callRefused('DELETE', `/r1/${NARROW}/households/1`), 403, 'access-denied');
  });

  it('refuses a path the grant does not allow with 403 access-denied', async () => {
    expectRefusal(await callRefused('GET', `/r1/${NARROW}/persons/1`), 403, 'access-denied');
    expectRefusal(await callRefused('GET', `/r1/${NARROW}/households/1/members`), 403, 'access-denied');
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
    const result = await callRefused('GET', `/r1/${NARROW}${path}`);
    expectRefusal(result, 400, 'bad-request');
    expect(lastRecord(result)).toMatchObject({
      clientId: CLIENT,
      status: 400,
      errorCode: 'bad-request',
    });
  });

  it('refuses a malformed service id with 400 bad-request, without a log record', async () => {
    const before = harness.log.records.length;
    expectRefusal(await callRefused('GET', '/r1/VN-HP/XYZ/1/S/svc'), 400, 'bad-request');
    expectRefusal(await callRefused('GET', '/elsewhere'), 400, 'bad-request');
    expect(harness.log.records.length).toBe(before);
  });

  it('refuses calls over the quota with 429 rate-limited and Retry-After', async () => {
    expect((await harness.call('GET', `/r1/${QUOTA}/x`)).status).toBe(200);
    expect((await harness.call('GET', `/r1/${QUOTA}/x`)).status).toBe(200);
    const result = await callRefused('GET', `/r1/${QUOTA}/x`);
    expectRefusal(result, 429, 'rate-limited');
    expect(Number(result.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(result.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('logs the subject only as a keyed hash, with user and purpose', async () => {
    const result = await callRefused('GET', `/r1/${UNGRANTED}/x`, {
      headers: {
        'x-cang-subject': '031099001234',
        'x-cang-user': 'cb.nguyen',
        'x-cang-purpose': 'TTHC-1.0012',
      },
    });
    const record = lastRecord(result);
    expect(record).toMatchObject({
      subjectHash: keyedHash('subject-hash-key-for-tests', '031099001234'),
      userId: 'cb.nguyen',
      purpose: 'TTHC-1.0012',
    });
    expect(JSON.stringify(record)).not.toContain('031099001234');
  });

  it('answers 503 not-ready once the snapshot has expired', async () => {
    let clock = Date.now();
    const expiring = await startExchange(
      buildSnapshot({ services: [buildService({ baseUrl: provider.baseUrl })], expiresAt: clock + 60_000 }),
      { now: () => clock },
    );
    expect((await expiring.call('GET', `/r1/${SERVICE}/x`)).status).toBe(200);
    clock += 60_000;
    const before = provider.received.length;
    expectRefusal(await expiring.call('GET', `/r1/${SERVICE}/x`), 503, 'not-ready');
    expect(provider.received.length).toBe(before);
    await expiring.close();
  });
});
