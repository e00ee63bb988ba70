import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { buildConnector } from 'undici';
import {
  allowListAdmitsConnection,
  CangError,
  isLoopbackIp,
  isSpecialIp,
  normaliseIp,
  type ProviderAllowEntry,
} from '../core/index.js';

/** What decides where the exchange may connect to providers (docs/operator-guide.md, "Where providers may live"). */
export interface OutboundPolicy {
  /** Whether providers may live on loopback addresses (CANG_ALLOW_LOOPBACK_PROVIDERS). */
  readonly allowLoopback: boolean;
  /** Cảng's own listening ports (admin, exchange, federation, metrics); never reached on its own addresses. */
  readonly ownPorts: () => Iterable<number>;
  /** An organisation's provider allow-list, as the current snapshot holds it. */
  readonly allowListOf: (organisation: string) => readonly ProviderAllowEntry[];
  /** Resolves host names; the system resolver by default. Tests inject one. */
  readonly lookup?: LookupFunction;
}

/** Checks and opens provider connections under the outbound policy. */
export interface OutboundGuard {
  /**
   * Why a connection to `address` (resolved from `hostname`) on `port` for a service of `organisation`
   * is refused, or undefined when it may be opened.
   */
  refusal(organisation: string, hostname: string, address: string, port: number): string | undefined;
  /**
   * An undici connector for one organisation's origin on `port`: it checks an IP host before opening a
   * socket, and a name's every resolved address before connecting to any of them.
   */
  connector(organisation: string, port: number): buildConnector.connector;
}

/** This machine's own addresses: the unspecified ones (which reach it), loopback and every interface's. */
function ownAddresses(): Set<string> {
  const own = new Set(['0.0.0.0', '::']);
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      const ip = normaliseIp(info.address);
      if (ip !== undefined) own.add(ip.address);
    }
  }
  return own;
}

function refused(reason: string): CangError {
  return new CangError('provider-address-refused', "The provider's address is one Cảng does not connect to", {
    cause: new Error(reason),
  });
}

/** Builds the guard every provider and token-endpoint connection goes through. */
export function createOutboundGuard(policy: OutboundPolicy): OutboundGuard {
  const lookup = policy.lookup ?? (dnsLookup as LookupFunction);
  const own = ownAddresses();

  function refusal(
    organisation: string,
    hostname: string,
    address: string,
    port: number,
  ): string | undefined {
    const ip = normaliseIp(address);
    if (ip === undefined) return `${address} is not an IP address`;
    const loopback = isLoopbackIp(ip.address);
    if ((loopback || own.has(ip.address)) && [...policy.ownPorts()].includes(port)) {
      return `${address}:${port} is one of Cảng's own ports`;
    }
    if (!isSpecialIp(ip.address)) return undefined;
    if (loopback)
      return policy.allowLoopback ? undefined : `${address} is loopback; loopback providers are off`;
    if (allowListAdmitsConnection(policy.allowListOf(organisation), hostname, ip.address, port))
      return undefined;
    return `${address} is a special-purpose address outside ${organisation}'s provider allow-list`;
  }

  return {
    refusal,
    connector(organisation, port) {
      // Resolves every address of the name and refuses them all if any is refused: a name that also points
      // inside must not get through on its public half.
      const guardedLookup: LookupFunction = (hostname, options, callback) => {
        lookup(hostname, { ...options, all: true }, (error, found) => {
          if (error) return callback(error, '', 0);
          const addresses = (
            Array.isArray(found) ? found : [{ address: found, family: 4 }]
          ) as LookupAddress[];
          for (const { address } of addresses) {
            const reason = refusal(organisation, hostname, address, port);
            if (reason !== undefined) return callback(refused(reason), '', 0);
          }
          if (addresses.length === 0) return callback(refused(`${hostname} resolves to nothing`), '', 0);
          if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
          callback(null, addresses[0]!.address, addresses[0]!.family);
        });
      };
      const connect = buildConnector({ lookup: guardedLookup });
      return (options, callback) => {
        const ip = normaliseIp(options.hostname);
        if (ip !== undefined) {
          // An IP host is never looked up, so it is checked here, before any socket exists.
          const reason = refusal(organisation, options.hostname, ip.address, port);
          if (reason !== undefined) return callback(refused(reason), null);
        }
        connect(options, callback);
      };
    },
  };
}
