/*
 * X.509 certificates for federation and TLS. node:crypto can read certificates but not make them, so
 * they are made with @peculiar/x509 over WebCrypto. An instance's registry key (Ed25519) is also its
 * certificate authority: partners pin that one key through the anchor, and it vouches both for the
 * signed configuration and for the TLS certificates of the instance's nodes.
 */
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import {
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  webcrypto,
  X509Certificate,
} from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { sha256Hex } from './hashing.js';

// Node's WebCrypto is the standard one; its type is declared apart from the DOM's `Crypto`.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

const ED25519 = { name: 'Ed25519' } as const;
const DAY_MS = 86_400_000;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A certificate and its private key, both PEM. */
export interface CertificateWithKey {
  readonly certificate: string;
  readonly privateKey: string;
}

/** Validity of a new certificate: from a minute ago (clock skew) for `validDays`. */
function validity(now: number, validDays: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now - 60_000), notAfter: new Date(now + validDays * DAY_MS) };
}

function serialNumber(): string {
  // Positive 128-bit serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

/** A common name safe to put into a distinguished name (identifiers never contain these). */
function commonName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/.test(name)) {
    throw new Error(`Not a certificate name: ${name}`);
  }
  return `CN=${name}`;
}

function signingKey(privateKey: KeyObject): Promise<webcrypto.CryptoKey> {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The signing key must be Ed25519');
  return Promise.resolve(privateKey.toCryptoKey(ED25519, false, ['sign']));
}

/**
 * The self-signed authority certificate of an instance, made from its registry key: the certificate
 * partners trust for the instance's node certificates.
 */
export async function createAuthorityCertificate(
  registryKey: KeyObject,
  instance: string,
  options: { validDays?: number; now?: number } = {},
): Promise<string> {
  const privateKey = await signingKey(registryKey);
  const publicKey = createPublicKey(registryKey).toCryptoKey(ED25519, true, ['verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: commonName(instance),
    ...validity(options.now ?? Date.now(), options.validDays ?? 3650),
    keys: { privateKey, publicKey },
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  return certificate.toString('pem');
}

/**
 * A new Ed25519 key and a certificate for it, signed by an authority: a node's TLS identity, good for
 * both ends of a mutual-TLS connection. Without an authority the certificate signs itself.
 */
export async function issueCertificate(options: {
  readonly name: string;
  readonly authority?: { readonly privateKey: KeyObject; readonly certificate: string };
  /** Host names and IP addresses the certificate names, for ordinary host-name checks. */
  readonly hosts?: readonly string[];
  readonly validDays?: number;
  readonly now?: number;
}): Promise<CertificateWithKey> {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.toCryptoKey(ED25519, true, ['verify']);
  const authorityKey = await signingKey(options.authority?.privateKey ?? pair.privateKey);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([SERVER_AUTH, CLIENT_AUTH]),
  ];
  if (options.hosts !== undefined && options.hosts.length > 0) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        options.hosts.map((host) => ({ type: /^[\d.]+$|:/.test(host) ? 'ip' : 'dns', value: host })),
      ),
    );
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: commonName(options.name),
    issuer:
      options.authority === undefined
        ? commonName(options.name)
        : new x509.X509Certificate(options.authority.certificate).subject,
    ...validity(options.now ?? Date.now(), options.validDays ?? 825),
    signingKey: authorityKey,
    publicKey,
    signingAlgorithm: ED25519,
    extensions,
  });
  return {
    certificate: certificate.toString('pem'),
    privateKey: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** Hex SHA-256 of a certificate's public key (SPKI DER): stable across re-issues with the same key. */
export function publicKeyFingerprint(certificate: string | Buffer | X509Certificate): string {
  const parsed = certificate instanceof X509Certificate ? certificate : new X509Certificate(certificate);
  return sha256Hex(parsed.publicKey.export({ format: 'der', type: 'spki' }));
}

/** Hex SHA-256 of a certificate's DER encoding, as client-certificate credentials are pinned. */
export function certificateFingerprint(certificate: string | Buffer | X509Certificate): string {
  const parsed = certificate instanceof X509Certificate ? certificate : new X509Certificate(certificate);
  return sha256Hex(parsed.raw);
}
