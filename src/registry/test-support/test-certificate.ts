import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed test certificate and the SHA-256 fingerprint openssl computes for it. */
export interface TestCertificate {
  readonly pem: string;
  readonly fingerprint: string; // lower-case hex, no colons
}

/** Makes a fresh Ed25519 self-signed certificate, valid for `days`, with the openssl command line. */
export function makeTestCertificate(days = 2, commonName = 'cbcc.snv.haiphong.example'): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cang-cert-'));
  try {
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-days', String(days)].concat([
        '-subj',
        `/CN=${commonName}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]),
      { stdio: 'ignore' },
    );
    // openssl prints "sha256 Fingerprint=AB:CD:…" (spelling varies by version); take what follows '='.
    const printed = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256'], {
      encoding: 'utf8',
    });
    const fingerprint = printed.trim().split('=').at(-1)!.replaceAll(':', '').toLowerCase();
    return { pem: readFileSync(certFile, 'utf8'), fingerprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
