import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../../core/index.js';
import {
  type FederationPair,
  NATIONAL_PROVIDER,
  NATIONAL_SERVICE,
  startFederationPair,
} from '../test-support/federation-harness.js';
import { CLIENT, OTHER_CLIENT, OTHER_TOKEN, SERVICE } from '../test-support/snapshot-factory.js';

let pair: FederationPair;

beforeAll(async () => {
  pair = await startFederationPair();
});
afterAll(() => pair.close());

describe('a call across instances', () => {
  it("reaches the partner's provider over mutual TLS and is logged on both sides with one id and request hash", async () => {
    const body = JSON.stringify({ soDinhDanh: '031090001234' });
    const result = await pair.city.call('POST', `/r1/${NATIONAL_SERVICE}/cong-dan/tra-cuu?kieu=day-du`, {
      headers: {
        'content-type': 'application/json',
        'x-cang-user': 'nguyen.van.a',
        'x-cang-purpose': 'TTHC-1.004227',
        'x-cang-subject': '031090001234',
      },
      body,
    });
    expect(result.status).toBe(200);
    expect(result.json()).toEqual({ ok: true });
    const id = result.headers['x-cang-id'] as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(result.headers['x-cang-instance']).toBe('VN');
    expect(result.headers['x-cang-remote-instance']).toBe('VN');
    expect(result.headers['x-cang-remote-node']).toBe('vn-node-1');
    expect(result.headers['x-cang-remote-request-hash']).toBe(result.headers['x-cang-request-hash']);
    expect(result.headers['x-cang-error']).toBeUndefined();

    // The provider saw the call as the national exchange forwards it: the foreign client, the same id.
    const received = pair.provider.received.at(-1)!;
    expect(received.url).toBe('/api/cong-dan/tra-cuu?kieu=day-du');
    expect(received.body.toString()).toBe(body);
    expect(received.headers['x-cang-client']).toBe(CLIENT);
    expect(received.headers['x-cang-id']).toBe(id);
    expect(received.headers['x-cang-user']).toBe('nguyen.van.a');
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers['x-cang-subject']).toBeUndefined();

    const [home] = await pair.city.entries(id);
    const [far] = await pair.national.entries(id);
    expect(home).toMatchObject({
      nodeId: 'hp-node-1',
      clientId: CLIENT,
      serviceId: NATIONAL_SERVICE,
      status: 200,
    });
    expect(far).toMatchObject({
      nodeId: 'vn-node-1',
      clientId: CLIENT,
      serviceId: NATIONAL_SERVICE,
      status: 200,
    });
    expect(home!.requestHash).toBe(result.headers['x-cang-request-hash']);
    expect(far!.requestHash).toBe(home!.requestHash);
    expect(far!.requestBodyHash).toBe(home!.requestBodyHash);
    expect(far!.responseBodyHash).toBe(home!.responseBodyHash);
    // Each instance keys the data subject's hash with its own key.
    expect(home!.subjectHash).toBe(keyedHash('subject-hash-key-of-VN-HP', '031090001234'));
    expect(far!.subjectHash).toBe(keyedHash('subject-hash-key-of-VN', '031090001234'));
    expect(home!.traceId).toBe(far!.traceId);

    expect(await pair.city.verify()).toMatchObject({ ok: true });
    expect(await pair.national.verify()).toMatchObject({ ok: true });
  });

  it("reports each partner's configuration in the metrics", async () => {
    const text = await pair.city.exchange.metrics.metrics();
    expect(text).toContain('cang_federation_partner_configuration_valid{partner="VN"} 1');
    const expiresIn = /cang_federation_partner_configuration_expires_in_seconds\{partner="VN"\} (\S+)/.exec(
      text,
    );
    expect(Number(expiresIn?.[1])).toBeGreaterThan(0);
  });

  it('still serves local calls beside it', async () => {
    const local = await pair.city.call('GET', `/r1/${SERVICE}/x`);
    // The city's own service points at a closed port: what matters is that it is not sent to the partner.
    expect(local.headers['x-cang-error']).toBe('provider-unreachable');
    expect(local.headers['x-cang-instance']).toBeUndefined();
  });

  it("lists the partner's systems and the services it granted the caller, from its configuration", async () => {
    const clients = await pair.city.call('GET', '/r1/VN/listClients');
    expect(clients.status).toBe(200);
    expect(clients.json()).toEqual({ clients: [{ id: NATIONAL_PROVIDER, name: 'CSDL quốc gia về dân cư' }] });
    const allowed = await pair.city.call('GET', `/r1/${NATIONAL_PROVIDER}/allowedMethods`);
    expect(allowed.json()).toEqual({
      services: [{ id: NATIONAL_SERVICE, name: 'Tra cứu công dân', enabled: true }],
    });
    // Another local system: the partner lists the service, but it may call neither out nor in.
    const other = { 'x-cang-client': OTHER_CLIENT, authorization: `Bearer ${OTHER_TOKEN}` };
    const listed = await pair.city.call('GET', `/r1/${NATIONAL_PROVIDER}/listMethods`, { headers: other });
    expect(listed.json()).toEqual({
      services: [{ id: NATIONAL_SERVICE, name: 'Tra cứu công dân', enabled: true }],
    });
    const none = await pair.city.call('GET', `/r1/${NATIONAL_PROVIDER}/allowedMethods`, { headers: other });
    expect(none.json()).toEqual({ services: [] });
    const own = await pair.city.call('GET', '/r1/VN-HP/listClients');
    expect((own.json() as { clients: { id: string }[] }).clients.map((c) => c.id)).toContain(CLIENT);
  });
});
