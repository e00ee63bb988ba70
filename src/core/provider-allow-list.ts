import { cidrContains, normaliseIp, parseCidr } from './network-addresses.js';

/**
 * One entry of an organisation's provider allow-list, set by a platform administrator: where that
 * organisation's services may point. `address` is
 * - a host name, matched exactly (`api.sxd.haiphong.gov.vn`);
 * - `*.` and a domain, matching every name below it (`*.sxd.haiphong.gov.vn`, not the domain itself);
 * - an IP address or a CIDR block (`10.20.0.0/16`, `fd00:10::/32`), matching the address of a URL written
 *   as an IP and, at connect time, the address a name resolves to.
 * `ports` lists the allowed ports; null allows every port.
 */
export interface ProviderAllowEntry {
  readonly address: string;
  readonly ports: readonly number[] | null;
}

const NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The normal form of an entry's address (lower case, IPs normalised), or undefined if malformed. */
export function normaliseAllowAddress(address: string): string | undefined {
  if (address.includes('/') || normaliseIp(address) !== undefined) {
    const cidr = parseCidr(address);
    if (cidr === undefined) return undefined;
    const max = cidr.family === 4 ? 32 : 128;
    return cidr.prefix === max ? cidr.address : `${cidr.address}/${cidr.prefix}`;
  }
  const lower = address.toLowerCase();
  return lower.length <= 253 && NAME.test(lower) ? lower : undefined;
}

function portAllowed(entry: ProviderAllowEntry, port: number): boolean {
  return entry.ports === null || entry.ports.includes(port);
}

function nameMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host;
}

function isAddressEntry(entry: ProviderAllowEntry): boolean {
  return entry.address.includes('/') || normaliseIp(entry.address) !== undefined;
}

/** The port a URL connects to: its own, or its scheme's default. */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Whether the allow-list admits a URL's host and port as written: a name by the name entries, an IP
 * literal by the address entries.
 */
export function allowListAdmitsUrl(entries: readonly ProviderAllowEntry[], url: URL): boolean {
  const port = portOf(url);
  const ip = normaliseIp(url.hostname);
  const host = url.hostname.toLowerCase();
  return entries.some((entry) => {
    if (!portAllowed(entry, port)) return false;
    if (isAddressEntry(entry)) {
      const cidr = parseCidr(entry.address);
      return ip !== undefined && cidr !== undefined && cidrContains(cidr, ip.address);
    }
    return ip === undefined && nameMatches(entry.address, host);
  });
}

/**
 * Whether the allow-list admits a connection, at connect time, to `address` (as resolved) on `port`
 * for a URL naming `hostname`: an address entry must contain the address, or a name entry must match
 * the name the platform administrator allowed.
 */
export function allowListAdmitsConnection(
  entries: readonly ProviderAllowEntry[],
  hostname: string,
  address: string,
  port: number,
): boolean {
  const host = hostname.toLowerCase();
  const named = normaliseIp(host) === undefined;
  return entries.some((entry) => {
    if (!portAllowed(entry, port)) return false;
    if (isAddressEntry(entry)) {
      const cidr = parseCidr(entry.address);
      return cidr !== undefined && cidrContains(cidr, address);
    }
    return named && nameMatches(entry.address, host);
  });
}
