import { canonicalJson, sha256Base64url } from '../core/index.js';

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
  return sha256Base64url(
    canonicalJson([transactionId, clientId, serviceId, method, path, query, requestBodyHash]),
  );
}
