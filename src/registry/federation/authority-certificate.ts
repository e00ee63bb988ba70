import { X509Certificate } from 'node:crypto';
import { loadPublicKey } from '../../core/index.js';

/**
 * What is wrong with an instance's authority certificate, or null when it is sound: it must be a CA
 * certificate named `CN={instance}`, whose own key is exactly `publicKey` (the registry key, base64url
 * SPKI) and which that key signed. A certificate that passes binds the TLS identities it issues to the
 * same key that signs the instance's federation configuration.
 */
export function authorityCertificateProblem(
  certificate: string,
  publicKey: string,
  instance: string,
): string | null {
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(certificate);
  } catch {
    return 'is not a PEM X.509 certificate';
  }
  let key: ReturnType<typeof loadPublicKey>;
  try {
    key = loadPublicKey(publicKey);
  } catch {
    return 'cannot be checked: the public key is not base64url SPKI';
  }
  const own = parsed.publicKey.export({ format: 'der', type: 'spki' });
  if (!own.equals(key.export({ format: 'der', type: 'spki' }))) {
    return 'is not the certificate of the anchor’s public key';
  }
  if (parsed.subject !== parsed.issuer || !parsed.verify(key)) return 'is not self-signed by its key';
  if (parsed.subject !== `CN=${instance}`) return `must be named CN=${instance}, not ${parsed.subject}`;
  if (!parsed.ca) return 'is not a certificate authority';
  return null;
}
