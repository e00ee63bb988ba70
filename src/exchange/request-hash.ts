import { hash } from 'node:crypto';
import { sha256Base64url } from '../core/index.js';

/** base64url SHA-256 of an empty body. */
export const EMPTY_BODY_HASH = sha256Base64url('');

/**
 * The `X-Cang-Request-Hash`: base64url SHA-256 over the canonical JSON of
 * `[transactionId, clientId, serviceId, method, path, query, requestBodyHash]`; it binds the answer to
 * the request and is stored in the log (ARCHITECTURE.md, "Exchange protocol").
 */
export function computeRequestHash(
  transactionId: string,
  clientId: string,
  serviceId: string,
  method: string,
  path: string,
  query: string | null,
  requestBodyHash: string,
): string {
  // Hot path: for an array of strings and null, canonicalJson is exactly JSON.stringify (no object
  // keys to sort, strings encoded by JSON.stringify in both), and the one-shot crypto.hash is several
  // times cheaper than createHash (as in entry-encoding.ts).
  return hash(
    'sha256',
    JSON.stringify([transactionId, clientId, serviceId, method, path, query, requestBodyHash]),
    'base64url',
  );
}
