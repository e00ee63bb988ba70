import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CangError,
  createAuthorityCertificate,
  issueCertificate,
  loadPrivateKey,
  publicKeyFingerprint,
  type SigningKeyPair,
} from '../core/index.js';
import { authorityCertificateProblem } from './federation/authority-certificate.js';

/*
 * The files of federation's trust (ARCHITECTURE.md, "Federation"): the instance's authority certificate,
 * made from the registry key, and each federating node's TLS identity, issued by that authority. Both are
 * created once, mode 0600, and never overwritten; a file that does not belong to its key is refused.
 */

/** `{dataDir}/keys/authority.pem`. */
export function authorityCertificateFile(dataDir: string): string {
  return join(dataDir, 'keys', 'authority.pem');
}

/** `{dataDir}/keys/federation-{nodeId}.pem`. */
export function federationIdentityFile(dataDir: string, nodeId: string): string {
  return join(dataDir, 'keys', `federation-${nodeId}.pem`);
}

/** Writes a new secret file readable only by its owner; false when another process made it first. */
function writeOnce(file: string, text: string): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': never overwrite a file another process created in the meantime.
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    return false;
  }
}

/**
 * The instance's authority certificate (PEM), created from the registry key on first use (ten years).
 * Refuses a stored certificate that is not the registry key's own, self-signed, named after the instance.
 */
export async function loadOrCreateAuthorityCertificate(
  dataDir: string,
  instance: string,
  registryKey: SigningKeyPair,
): Promise<string> {
  const file = authorityCertificateFile(dataDir);
  if (!existsSync(file)) {
    writeOnce(file, await createAuthorityCertificate(loadPrivateKey(registryKey.privateKey), instance));
  }
  const certificate = readFileSync(file, 'utf8');
  const problem = authorityCertificateProblem(certificate, registryKey.publicKey, instance);
  if (problem !== null) {
    throw new CangError('internal', `The authority certificate ${file} ${problem}`);
  }
  return certificate;
}

/** A node's federation TLS identity: its private key and certificate (PEM) and the key's fingerprint. */
export interface FederationIdentity {
  readonly privateKey: string;
  readonly certificate: string;
  /** Hex SHA-256 of the certificate's SPKI, as the federation configuration lists it. */
  readonly tlsFingerprint: string;
  /** The certificate's common name, `{instance}/{nodeId}`. */
  readonly name: string;
}

/** What issues federation identities: the registry key and its authority certificate. */
export interface FederationAuthority {
  readonly registryKey: SigningKeyPair;
  readonly certificate: string;
}

/**
 * Issues a new TLS identity for a node, CN `{instance}/{nodeId}`, signed by the authority, good for both
 * ends of mutual TLS. `hosts` are the names partners may check against the node's address.
 */
export async function issueFederationIdentity(
  authority: FederationAuthority,
  instance: string,
  nodeId: string,
  hosts: readonly string[] = [],
): Promise<FederationIdentity> {
  const issued = await issueCertificate({
    name: `${instance}/${nodeId}`,
    authority: {
      privateKey: loadPrivateKey(authority.registryKey.privateKey),
      certificate: authority.certificate,
    },
    hosts,
  });
  return identityOf(issued.privateKey, issued.certificate);
}

// PEM texts are kept trimmed with one final newline, so an identity reads back equal to how it was made.
function identityOf(privateKeyPem: string, certificatePem: string): FederationIdentity {
  const certificate = new X509Certificate(certificatePem);
  return {
    privateKey: `${privateKeyPem.trim()}\n`,
    certificate: `${certificatePem.trim()}\n`,
    tlsFingerprint: publicKeyFingerprint(certificate),
    name: certificate.subject.replace(/^CN=/, ''),
  };
}

/** Writes a federation identity file (private key then certificate), mode 0600; refuses to overwrite one. */
export function writeFederationIdentity(file: string, identity: FederationIdentity): void {
  if (!writeOnce(file, `${identity.privateKey.trim()}\n${identity.certificate.trim()}\n`)) {
    throw new CangError('conflict', `${file} already exists; it is never overwritten`);
  }
}

const PRIVATE_KEY_PEM = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g;
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads a federation identity file: exactly one private key and one certificate, the key being the
 * certificate's. With `authorityCertificate`, the certificate must also be issued by that authority.
 */
export function readFederationIdentity(file: string, authorityCertificate?: string): FederationIdentity {
  const text = readFileSync(file, 'utf8');
  const keys = text.match(PRIVATE_KEY_PEM) ?? [];
  const certificates = text.match(CERTIFICATE_PEM) ?? [];
  const refuse = (why: string, cause?: unknown): never => {
    throw new CangError('internal', `The federation TLS file ${file} ${why}`, { cause });
  };
  if (keys.length !== 1 || certificates.length !== 1) {
    return refuse('must hold one PEM private key and one PEM certificate');
  }
  let privateKey: KeyObject;
  let certificate: X509Certificate;
  try {
    privateKey = createPrivateKey(keys[0]!);
    certificate = new X509Certificate(certificates[0]!);
  } catch (error) {
    return refuse('holds a key or certificate that cannot be read', error);
  }
  const derived = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  if (!derived.equals(certificate.publicKey.export({ format: 'der', type: 'spki' }))) {
    return refuse('holds a certificate that does not belong to its private key');
  }
  if (authorityCertificate !== undefined) {
    const authority = new X509Certificate(authorityCertificate);
    if (certificate.issuer !== authority.subject || !certificate.verify(authority.publicKey)) {
      return refuse(`holds a certificate not issued by the authority ${authority.subject}`);
    }
  }
  return identityOf(keys[0]!, certificates[0]!);
}

/**
 * This node's federation identity from `{dataDir}/keys/federation-{nodeId}.pem`, issued by the
 * authority when the file is absent (a process holding the registry key: all-in-one or admin node).
 */
export async function loadOrCreateFederationIdentity(
  dataDir: string,
  instance: string,
  nodeId: string,
  authority: FederationAuthority,
  hosts: readonly string[] = [],
): Promise<FederationIdentity> {
  const file = federationIdentityFile(dataDir, nodeId);
  if (!existsSync(file)) {
    const identity = await issueFederationIdentity(authority, instance, nodeId, hosts);
    writeOnce(file, `${identity.privateKey.trim()}\n${identity.certificate.trim()}\n`);
  }
  return readFederationIdentity(file, authority.certificate);
}
