import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CangError,
  type CertificateWithKey,
  createAuthorityCertificate,
  issueCertificate,
} from '../../core/index.js';

const PRIVATE_KEY = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function unusable(file: string, why: string, cause?: unknown): CangError {
  return new CangError('validation-failed', `The federation TLS file ${file} is not usable: ${why}`, {
    cause,
  });
}

/**
 * Reads a node's federation TLS identity: one file holding a PEM private key and the PEM certificate
 * for it (as `cang federation certificate --out FILE` writes it).
 */
export function readFederationIdentity(file: string): CertificateWithKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw unusable(file, 'it cannot be read', error);
  }
  const privateKey = PRIVATE_KEY.exec(text)?.[0];
  const certificate = CERTIFICATE.exec(text)?.[0];
  if (privateKey === undefined || certificate === undefined) {
    throw unusable(file, 'it needs a PEM private key and a PEM certificate');
  }
  try {
    if (!new X509Certificate(certificate).checkPrivateKey(createPrivateKey(privateKey))) {
      throw unusable(file, 'the certificate is not for its private key');
    }
  } catch (error) {
    if (error instanceof CangError) throw error;
    throw unusable(file, 'the key or certificate cannot be read', error);
  }
  return { privateKey: `${privateKey}\n`, certificate: `${certificate}\n` };
}

/** Writes a file unless another process wrote it first (mode 0600). */
function writeOnce(file: string, text: string): void {
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
}

/**
 * The federation TLS identity of a node in the process that holds the registry key (all in one): the
 * instance's authority certificate `{dataDir}/keys/authority.pem`, made from the registry key on first
 * use, and `{dataDir}/keys/federation-{nodeId}.pem`, a key and a certificate (CN `{instance}/{nodeId}`)
 * that authority issued, made on first use.
 */
export async function loadOrCreateFederationIdentity(options: {
  readonly dataDir: string;
  readonly instance: string;
  readonly nodeId: string;
  readonly registryKey: KeyObject;
}): Promise<CertificateWithKey> {
  const dir = join(options.dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const authorityFile = join(dir, 'authority.pem');
  if (!existsSync(authorityFile)) {
    writeOnce(authorityFile, await createAuthorityCertificate(options.registryKey, options.instance));
  }
  const authority = readFileSync(authorityFile, 'utf8');
  if (!new X509Certificate(authority).verify(createPublicKey(options.registryKey))) {
    throw new CangError('validation-failed', `${authorityFile} is not the authority of this registry key`);
  }
  const identityFile = join(dir, `federation-${options.nodeId}.pem`);
  if (!existsSync(identityFile)) {
    const issued = await issueCertificate({
      name: `${options.instance}/${options.nodeId}`,
      authority: { privateKey: options.registryKey, certificate: authority },
    });
    writeOnce(identityFile, `${issued.privateKey.trim()}\n${issued.certificate.trim()}\n`);
  }
  return readFederationIdentity(identityFile);
}
