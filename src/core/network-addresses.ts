import { BlockList, isIP } from 'node:net';

/*
 * Address classes that decide where Cảng may open an outbound connection to a provider. The special
 * ranges are those of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its
 * updates) that a public provider never has: a base URL resolving into one of them reaches the node
 * itself, its cloud's metadata service or a private network behind it.
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the node itself on Linux
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // shared address space (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services (RFC 3927)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  SPECIAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // IPv4/IPv6 translation (RFC 6052): reaches any IPv4 address
  ['64:ff9b:1::', 48], // local-use translation (RFC 8215)
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  SPECIAL.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address in any textual form (RFC 4291 §2.2), or undefined. */
function ipv6Bytes(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.replace(/%.*$/, '');
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted !== null) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

/**
 * An IP address in the form the checks compare: IPv4-mapped IPv6 (`::ffff:a.b.c.d`, also written
 * `::ffff:7f00:1`) and the deprecated IPv4-compatible form become plain IPv4, since a socket to them
 * reaches that IPv4 address; other addresses are returned as given, without brackets. Not an IP: undefined.
 */
export function normaliseIp(
  address: string,
): { readonly address: string; readonly family: 4 | 6 } | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return { address: bare, family: 4 };
  const bytes = ipv6Bytes(bare);
  if (bytes === undefined) return undefined;
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = bytes.slice(0, 12).every((b) => b === 0) && (bytes[12]! | bytes[13]!) !== 0;
  if (mapped || compatible) return { address: bytes.slice(12).join('.'), family: 4 };
  return { address: bare.replace(/%.*$/, '').toLowerCase(), family: 6 };
}

function check(list: BlockList, address: string): boolean {
  const ip = normaliseIp(address);
  return ip !== undefined && list.check(ip.address, ip.family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether an IP address is a loopback address (127.0.0.0/8, ::1, and their IPv4-mapped forms). */
export function isLoopbackIp(address: string): boolean {
  return check(LOOPBACK, address);
}

/**
 * Whether an IP address lies in a special-purpose range (loopback, link-local, private, shared,
 * documentation, multicast, reserved, translation): not where a public provider lives.
 */
export function isSpecialIp(address: string): boolean {
  return check(SPECIAL, address);
}

/** A CIDR block `address/prefix` (or one address), parsed; undefined when malformed. */
export interface Cidr {
  readonly address: string;
  readonly family: 4 | 6;
  readonly prefix: number;
}

/** Parses `10.20.0.0/16`, `fd00::/8` or a single address; the address part is normalised. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const ip = normaliseIp(address);
  if (ip === undefined) return undefined;
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address: ip.address, family: ip.family, prefix };
}

/** Whether an IP address lies in the CIDR block. */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = normaliseIp(address);
  if (ip === undefined || ip.family !== cidr.family) return false;
  const list = new BlockList();
  const type = cidr.family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(cidr.address, cidr.prefix, type);
  return list.check(ip.address, type);
}
