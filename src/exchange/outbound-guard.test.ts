import { once } from 'node:events';
import type { LookupAddress } from 'node:dns';
import { createServer, type AddressInfo, type LookupFunction, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAllowEntry } from '../core/index.js';
import { createOutboundGuard } from './outbound-guard.js';
import { type ExchangeHarness, startExchange } from './test-support/exchange-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';
import { buildService, buildSnapshot, PROVIDER, SERVICE } from './test-support/snapshot-factory.js';

const ORGANISATION = PROVIDER.split('/').slice(0, 3).join('/');

/** A loopback listener that only counts the connections it is offered: the stand-in for Cảng's admin port. */
async function countingListener(): Promise<{ port: number; connections: () => number; close(): void }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => server.close(),
  };
}

/** A resolver that answers from a table and records what it was asked; it never asks DNS. */
function tableLookup(table: Record<string, readonly LookupAddress[]>): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    asked.push(hostname);
    const found = table[hostname];
    if (found === undefined) return callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    if (options.all) return callback(null, found);
    callback(null, found[0]!.address, found[0]!.family);
  }) as LookupFunction & { asked: string[] };
  lookup.asked = asked;
  return lookup;
}

describe('the exchange refuses provider addresses before any socket is opened', () => {
  let admin: Awaited<ReturnType<typeof countingListener>>;
  let harness: ExchangeHarness | undefined;
  const lookup = tableLookup({
    'metadata.attacker.example': [{ address: '169.254.169.254', family: 4 }],
    'split.attacker.example': [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ],
    'admin.attacker.example': [{ address: '127.0.0.1', family: 4 }],
  });

  beforeAll(async () => {
    admin = await countingListener();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  afterAll(() => admin.close());

  async function callThrough(baseUrl: string, allowLoopback = true) {
    harness = await startExchange(buildSnapshot({ services: [buildService({ baseUrl })] }), {
      outbound: { allowLoopback, ownPorts: () => [admin.port], lookup },
    });
    return harness.call('GET', `/r1/${SERVICE}/x`);
  }

  it('refuses a service pointed at the admin port with 502 provider-address-refused', async () => {
    expectRefusal(
      await callThrough(`http://127.0.0.1:${admin.port}/api/v1`),
      502,
      'provider-address-refused',
    );
    // Also written as IPv4-mapped IPv6, and as a name that resolves there.
    expectRefusal(await callThrough(`http://[::ffff:7f00:1]:${admin.port}`), 502, 'provider-address-refused');
    expectRefusal(
      await callThrough(`http://admin.attacker.example:${admin.port}`),
      502,
      'provider-address-refused',
    );
    expect(admin.connections()).toBe(0);
  });

  it("refuses a service pointed at the exchange's own port, where /metrics answers", async () => {
    harness = await startExchange(buildSnapshot(), { outbound: { allowLoopback: true } });
    harness.snapshots.set(
      buildSnapshot({ services: [buildService({ baseUrl: `${harness.origin}/metrics` })] }),
    );
    const result = await harness.call('GET', `/r1/${SERVICE}/x`);
    expectRefusal(result, 502, 'provider-address-refused');
    expect(harness.log.records.at(-1)?.errorCode).toBe('provider-address-refused');
  });

  it('refuses a name that the resolver turns into a link-local address, having only asked the resolver', async () => {
    const result = await callThrough('http://metadata.attacker.example/latest/meta-data');
    expectRefusal(result, 502, 'provider-address-refused');
    expect(lookup.asked).toContain('metadata.attacker.example');
  });

  it('refuses a name whose addresses are partly private, rather than trying the public one', async () => {
    expectRefusal(await callThrough('http://split.attacker.example'), 502, 'provider-address-refused');
  });

  it('refuses link-local and private IP literals, IPv4 and IPv6', async () => {
    for (const baseUrl of [
      'http://169.254.169.254',
      'http://[::ffff:169.254.169.254]',
      'http://[fe80::1]',
      'http://[fd00::1]:8080',
      'http://10.0.0.1',
      'http://0.0.0.0:8080',
    ]) {
      expectRefusal(await callThrough(baseUrl), 502, 'provider-address-refused');
      await harness?.close();
      harness = undefined;
    }
  });

  it('refuses a loopback provider unless loopback providers are allowed', async () => {
    const provider = await countingListener();
    try {
      expectRefusal(
        await callThrough(`http://127.0.0.1:${provider.port}`, false),
        502,
        'provider-address-refused',
      );
      expect(provider.connections()).toBe(0);
    } finally {
      provider.close();
    }
  });
});

describe('the outbound guard', () => {
  const allowList: ProviderAllowEntry[] = [
    { address: '10.20.0.0/16', ports: [8443] },
    { address: '*.noibo.haiphong.gov.vn', ports: null },
  ];
  const guard = (allowLoopback: boolean) =>
    createOutboundGuard({
      allowLoopback,
      ownPorts: () => [8080, 8081],
      allowListOf: (organisation) => (organisation === ORGANISATION ? allowList : []),
    });

  it('lets public addresses through and refuses special ones outside the allow-list', () => {
    const g = guard(false);
    expect(g.refusal(ORGANISATION, 'api.example.vn', '93.184.215.14', 443)).toBeUndefined();
    expect(g.refusal(ORGANISATION, 'api.example.vn', '2606:4700::1111', 443)).toBeUndefined();
    for (const address of [
      '169.254.169.254',
      '192.168.1.1',
      '100.64.0.1',
      '::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(g.refusal(ORGANISATION, 'x.example.vn', address, 80), address).toMatch(/special|loopback/);
    }
  });

  it("admits the organisation's allow-listed blocks and names on their ports, and no other organisation's", () => {
    const g = guard(false);
    expect(g.refusal(ORGANISATION, '10.20.1.2', '10.20.1.2', 8443)).toBeUndefined();
    expect(g.refusal(ORGANISATION, '10.20.1.2', '10.20.1.2', 80)).toBeDefined();
    expect(g.refusal(ORGANISATION, 'hs.noibo.haiphong.gov.vn', '192.168.5.5', 80)).toBeUndefined();
    expect(g.refusal('VN-HP/GOV/OTHER', '10.20.1.2', '10.20.1.2', 8443)).toBeDefined();
    expect(g.refusal('VN-HP/GOV/OTHER', 'hs.noibo.haiphong.gov.vn', '192.168.5.5', 80)).toBeDefined();
  });

  it("always refuses Cảng's own ports on loopback and unspecified addresses, loopback allowed or not", () => {
    const g = guard(true);
    expect(g.refusal(ORGANISATION, '127.0.0.1', '127.0.0.1', 9000)).toBeUndefined();
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(g.refusal(ORGANISATION, address, address, 8080), address).toMatch(/own ports/);
    }
  });

  it('does not let an allow-list entry open loopback when loopback providers are off', () => {
    const g = createOutboundGuard({
      allowLoopback: false,
      ownPorts: () => [],
      allowListOf: () => [{ address: '127.0.0.0/8', ports: null }],
    });
    expect(g.refusal(ORGANISATION, '127.0.0.1', '127.0.0.1', 9000)).toMatch(/loopback/);
  });
});
