import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { indexSnapshot } from './active-config.js';
import { authoriseCall } from './authorise-call.js';
import { createQuotaCounter } from './quota-counter.js';
import { buildGrant, buildSnapshot, CLIENT, OTHER_CLIENT, SERVICE } from './test-support/snapshot-factory.js';

const NOW = 1_700_000_000_000;

function attempt(
  grants: ReturnType<typeof buildGrant>[],
  call: { client?: string; method?: string; path?: string[] },
) {
  const config = indexSnapshot(buildSnapshot({ grants }));
  try {
    return authoriseCall(
      config,
      {
        client: call.client ?? CLIENT,
        serviceId: SERVICE,
        method: call.method ?? 'GET',
        segments: call.path ?? [],
      },
      createQuotaCounter(),
      NOW,
    ).grant.id;
  } catch (error) {
    return error instanceof CangError ? error.code : 'not-cang';
  }
}

describe('authoriseCall', () => {
  it('denies by default', () => {
    expect(attempt([], {})).toBe('access-denied');
    expect(attempt([buildGrant()], { client: OTHER_CLIENT })).toBe('access-denied');
  });

  it('honours expiry, methods and path patterns', () => {
    expect(attempt([buildGrant({ expiresAt: NOW })], {})).toBe('access-denied');
    expect(attempt([buildGrant({ expiresAt: NOW + 1 })], {})).toBe('grant-1');
    const narrow = buildGrant({ methods: ['GET'], pathPatterns: ['/households/*'] });
    expect(attempt([narrow], { path: ['households', '1'] })).toBe('grant-1');
    expect(attempt([narrow], { method: 'POST', path: ['households', '1'] })).toBe('access-denied');
    expect(attempt([narrow], { path: ['persons', '1'] })).toBe('access-denied');
  });

  it('uses the first grant that allows the call', () => {
    const grants = [
      buildGrant({ id: 'read', methods: ['GET'] }),
      buildGrant({ id: 'write', methods: ['POST'] }),
    ];
    expect(attempt(grants, { method: 'POST' })).toBe('write');
  });

  it('refuses over quota with rate-limited and a Retry-After header', () => {
    const config = indexSnapshot(buildSnapshot({ grants: [buildGrant({ quotaPerMinute: 1 })] }));
    const quotas = createQuotaCounter();
    const call = { client: CLIENT, serviceId: SERVICE, method: 'GET', segments: [] };
    authoriseCall(config, call, quotas, NOW);
    try {
      authoriseCall(config, call, quotas, NOW);
      expect.unreachable();
    } catch (error) {
      expect((error as CangError).code).toBe('rate-limited');
      expect(Number((error as CangError).headers?.['retry-after'])).toBeGreaterThan(0);
    }
  });
});
