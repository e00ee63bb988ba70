import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExchangeHarness, startExchange } from './test-support/exchange-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';
import {
  buildGrant,
  buildService,
  buildSnapshot,
  CLIENT,
  OTHER_CLIENT,
  PROVIDER,
  SERVICE,
} from './test-support/snapshot-factory.js';

const SECOND = `${PROVIDER}/second`;
const OPENAPI = '{"openapi":"3.1.0","info":{"title":"Hộ khẩu","version":"1"}}';
let harness: ExchangeHarness;
const fetched: string[] = [];

beforeAll(async () => {
  harness = await startExchange(
    buildSnapshot({
      services: [
        buildService({ hasOpenapi: true }),
        buildService({ id: SECOND, name: 'Second', hasOpenapi: true }),
      ],
      grants: [buildGrant(), buildGrant({ id: 'old', service: SECOND, expiresAt: Date.now() - 1 })],
    }),
    {
      // The registry's side: the documents it holds, and who asked for which.
      fetchOpenApi: async (serviceId) => {
        fetched.push(serviceId);
        return serviceId === SERVICE || serviceId === SECOND ? OPENAPI : null;
      },
    },
  );
});

afterAll(() => harness.close());

describe('metaservices', () => {
  it('lists every client system', async () => {
    const result = await harness.call('GET', '/r1/listClients');
    expect(result.status).toBe(200);
    const ids = (result.json() as { clients: { id: string }[] }).clients.map((c) => c.id);
    expect(ids).toEqual([CLIENT, OTHER_CLIENT, PROVIDER]);
  });

  it('lists the methods of a system and those the caller may call', async () => {
    const all = await harness.call('GET', `/r1/${PROVIDER}/listMethods`);
    expect((all.json() as { services: { id: string }[] }).services.map((s) => s.id)).toEqual([
      SERVICE,
      SECOND,
    ]);
    const allowed = await harness.call('GET', `/r1/${PROVIDER}/allowedMethods`);
    expect((allowed.json() as { services: { id: string }[] }).services.map((s) => s.id)).toEqual([SERVICE]);
  });

  it('returns the OpenAPI document of a granted service only, asking the registry once per version', async () => {
    const granted = await harness.call('GET', `/r1/${PROVIDER}/getOpenAPI?serviceCode=tra-cuu-ho-khau`);
    expect(granted.status).toBe(200);
    expect(granted.body.toString()).toBe(OPENAPI);
    const again = await harness.call('GET', `/r1/${PROVIDER}/getOpenAPI?serviceCode=tra-cuu-ho-khau`);
    expect(again.body.toString()).toBe(OPENAPI);
    const expired = await harness.call('GET', `/r1/${PROVIDER}/getOpenAPI?serviceCode=second`);
    expectRefusal(expired, 404, 'service-unknown');
    // The registry was asked once for the granted document, never for the one without a grant.
    expect(fetched).toEqual([SERVICE]);
    const missing = await harness.call('GET', `/r1/${PROVIDER}/getOpenAPI`);
    expectRefusal(missing, 400, 'bad-request');
  });

  it('refuses an unauthenticated caller with 401 client-auth-failed', async () => {
    const result = await harness.call('GET', '/r1/listClients', {
      headers: { authorization: 'Bearer nope' },
    });
    expectRefusal(result, 401, 'client-auth-failed');
  });

  it('answers 404 service-unknown for an unknown system', async () => {
    const result = await harness.call('GET', '/r1/VN-HP/GOV/999/NOBODY/listMethods');
    expectRefusal(result, 404, 'service-unknown');
  });
});
