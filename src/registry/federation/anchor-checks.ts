import type { FieldProblems } from '../../core/index.js';
import { canonicalEd25519PublicKey } from '../public-key-id.js';
import { authorityCertificateProblem } from './authority-certificate.js';
import type { AnchorInput } from './federation-schemas.js';

/** Whether a configuration URL is one partners may be sent to: absolute https, no credentials or fragment. */
export function configurationUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL (mutual TLS)';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (url.hash !== '') return 'must not carry a fragment';
  return null;
}

/**
 * The checks an anchor must pass beyond its schema, each problem naming its field: an Ed25519 key, a
 * certificate self-signed by exactly that key and named after the instance, another instance than ours,
 * https configuration URLs. Fields the schema already refused are skipped.
 */
export function checkAnchor(value: Partial<AnchorInput>, ourInstance: string, problems: FieldProblems): void {
  if (typeof value.instance === 'string' && value.instance === ourInstance) {
    problems.add('/instance', `is this instance (${ourInstance}); an instance does not federate with itself`);
  }
  const publicKey =
    typeof value.publicKey === 'string' ? canonicalEd25519PublicKey(value.publicKey) : undefined;
  if (publicKey === null)
    problems.add('/publicKey', 'must be an Ed25519 public key, base64url of its SPKI DER');
  if (
    typeof value.certificate === 'string' &&
    typeof publicKey === 'string' &&
    typeof value.instance === 'string'
  ) {
    const problem = authorityCertificateProblem(value.certificate, publicKey, value.instance);
    if (problem !== null) problems.add('/certificate', problem);
  }
  if (Array.isArray(value.configurationUrls)) {
    for (const [index, url] of value.configurationUrls.entries()) {
      const problem = typeof url === 'string' ? configurationUrlProblem(url) : null;
      if (problem !== null) problems.add(`/configurationUrls/${index}`, problem);
    }
  }
}
