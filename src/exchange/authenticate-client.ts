import { hash as digest } from 'node:crypto';
import { CangError, parseSystemId, safeEqual } from '../core/index.js';
import type { SnapshotCredential } from '../registry/index.js';
import { type ActiveConfig, grantKey } from './active-config.js';

/** What a caller presents to prove which information system it is. */
export interface PresentedCredentials {
  /** The `X-Cang-Client` header. */
  readonly client: string | undefined;
  /** The `Authorization` header. */
  readonly authorization: string | undefined;
  /** SHA-256 of the TLS client certificate (DER, lower-case hex), read only when no token is sent. */
  readonly certificateFingerprint: () => string | null;
}

const BEARER = /^bearer +(\S+) *$/i;

function failed(detail: string): CangError {
  return new CangError('client-auth-failed', detail);
}

function usable(credential: SnapshotCredential | undefined, now: number): credential is SnapshotCredential {
  return credential !== undefined && (credential.expiresAt === null || credential.expiresAt > now);
}

/**
 * Authenticates the calling information system and returns its id. The credential must be bound to
 * the very system named in `X-Cang-Client`: a valid token of system A sent as system B fails, because the
 * index is keyed by system and hash together. The token is looked up by its SHA-256 (as the registry
 * stores it), so map timing reveals nothing about the token; the final comparison is constant-time.
 */
export function authenticateClient(
  config: ActiveConfig,
  presented: PresentedCredentials,
  now: number,
): string {
  const client = presented.client;
  if (client === undefined || client === '') throw failed('The X-Cang-Client header is required');
  parseSystemId(client);
  const authorization = presented.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) throw failed('Use Authorization: Bearer {token}');
    // The one-shot crypto.hash: the same base64url SHA-256 as core's sha256Base64url, cheaper per call.
    const hash = digest('sha256', token, 'base64url');
    const credential = config.tokens.get(grantKey(client, hash));
    if (!usable(credential, now) || !safeEqual(credential.tokenHash ?? '', hash)) {
      throw failed('The token is not valid for this client');
    }
    return client;
  }
  const fingerprint = presented.certificateFingerprint();
  if (fingerprint === null) throw failed('Present a bearer token or a client certificate');
  const credential = config.certificates.get(grantKey(client, fingerprint));
  if (!usable(credential, now)) throw failed('The client certificate is not valid for this client');
  return client;
}
