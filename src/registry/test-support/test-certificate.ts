import { certificateFingerprint, issueCertificate } from '../../core/index.js';

/** A self-signed test certificate and the SHA-256 fingerprint of its DER. */
export interface TestCertificate {
  readonly pem: string;
  readonly fingerprint: string; // lower-case hex, no colons
}

/**
 * Makes a fresh self-signed Ed25519 certificate in process (no system openssl), valid for `days` from
 * `now` (the test's clock), named `commonName`.
 */
export async function makeTestCertificate(
  options: { days?: number; commonName?: string; now?: number } = {},
): Promise<TestCertificate> {
  const issued = await issueCertificate({
    name: options.commonName ?? 'cbcc.snv.haiphong.example',
    validDays: options.days ?? 2,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { pem: issued.certificate, fingerprint: certificateFingerprint(issued.certificate) };
}
