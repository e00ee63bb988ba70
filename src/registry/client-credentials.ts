import { randomBytes, X509Certificate } from 'node:crypto';
import { sha256Base64url } from '../core/index.js';

/** Prefix of every bearer token, so a leaked one is recognisable (and scannable) as Cảng's. */
export const TOKEN_PREFIX = 'cang_';
/** How many leading characters of a token are kept as its hint. */
export const TOKEN_HINT_LENGTH = 10;

/** A new bearer token with what the store keeps of it: the hash and a short hint, never the token. */
export interface NewToken {
  readonly token: string;
  readonly hash: string;
  readonly hint: string;
}

/** Creates a bearer token: `cang_` + 32 random bytes as base64url. */
export function newBearerToken(): NewToken {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256Base64url(token), hint: token.slice(0, TOKEN_HINT_LENGTH) };
}

/** What the registry keeps of a client certificate. */
export interface CertificateFacts {
  readonly fingerprint: string; // SHA-256 of the DER, lower-case hex without colons
  readonly notAfter: number; // Unix ms
}

/** Reads a PEM certificate; returns null when it is not one. */
export function readCertificate(pem: string): CertificateFacts | null {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return null;
  try {
    const certificate = new X509Certificate(pem);
    return {
      fingerprint: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
      notAfter: Date.parse(certificate.validTo),
    };
  } catch {
    return null;
  }
}
