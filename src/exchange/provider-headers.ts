import { connectionOptions, HOP_BY_HOP_HEADERS } from './hop-by-hop-headers.js';

/** Headers Cảng sets itself towards the provider. */
export interface CangRequestHeaders {
  readonly transactionId: string;
  readonly client: string;
  readonly user: string | undefined;
  readonly purpose: string | undefined;
  readonly traceparent: string;
  readonly tracestate: string | undefined;
}

/**
 * Forwarding headers a consumer could set to pass itself off, towards a provider that trusts them, as
 * another address or as a proxy's client. Cảng names the caller in `X-Cang-Client` instead.
 */
const FORWARDING_HEADERS: ReadonlySet<string> = new Set([
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
]);

/**
 * Besides hop-by-hop headers, never forwarded to the provider: the consumer's credential (Authorization),
 * Host (the provider's own is set by the pool), Expect (Node's server already answered 100-continue),
 * forwarding headers, and every `X-Cang-*` and trace header, which Cảng sets itself so a consumer cannot
 * forge them; the data subject (`X-Cang-Subject`) only reaches the log, as a keyed hash.
 */
function dropTowardsProvider(name: string): boolean {
  return (
    HOP_BY_HOP_HEADERS.has(name) ||
    FORWARDING_HEADERS.has(name) ||
    name === 'authorization' ||
    name === 'host' ||
    name === 'expect' ||
    name === 'traceparent' ||
    name === 'tracestate' ||
    name.startsWith('x-cang-')
  );
}

/** Builds the provider request's headers (flat name/value list) from the consumer's raw headers. */
export function providerRequestHeaders(rawHeaders: readonly string[], cang: CangRequestHeaders): string[] {
  let named: ReadonlySet<string> | null = null;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === 'connection') {
      named = connectionOptions([...(named ?? []), rawHeaders[i + 1]!].join(','));
    }
  }
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (dropTowardsProvider(name) || named?.has(name)) continue;
    out.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  out.push('x-cang-id', cang.transactionId, 'x-cang-client', cang.client, 'traceparent', cang.traceparent);
  if (cang.user !== undefined) out.push('x-cang-user', cang.user);
  if (cang.purpose !== undefined) out.push('x-cang-purpose', cang.purpose);
  if (cang.tracestate !== undefined) out.push('tracestate', cang.tracestate);
  return out;
}

/**
 * Builds the consumer response's headers (flat list) from the provider's: hop-by-hop headers are dropped,
 * and so are `X-Cang-*` headers, so a provider cannot pass its answer off as a refusal by Cảng.
 */
export function consumerResponseHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  transactionId: string,
  requestHash: string,
): string[] {
  const named = connectionOptions(headers.connection);
  const out: string[] = [];
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP_HEADERS.has(lower) || lower.startsWith('x-cang-') || named?.has(lower)) continue;
    const value = headers[name];
    if (value === undefined) continue;
    if (typeof value === 'string') out.push(name, value);
    else for (const item of value) out.push(name, item);
  }
  out.push('x-cang-id', transactionId, 'x-cang-request-hash', requestHash);
  return out;
}
