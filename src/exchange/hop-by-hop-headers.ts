/**
 * Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, so a proxy must not forward them,
 * nor any header named in `Connection`. Proxy-Connection is the pre-standard variant; Proxy-Authorization
 * and Proxy-Authenticate are meant for the proxy itself (RFC 9110 §11.7).
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
]);

/** Header names listed in `Connection` values (RFC 9110 §7.6.1), lower case; null when none. */
export function connectionOptions(value: string | readonly string[] | undefined): ReadonlySet<string> | null {
  if (value === undefined) return null;
  const names = new Set<string>();
  for (const line of typeof value === 'string' ? [value] : value) {
    for (const token of line.split(',')) {
      const name = token.trim().toLowerCase();
      if (name !== '') names.add(name);
    }
  }
  return names.size === 0 ? null : names;
}
