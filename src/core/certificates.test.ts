import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  type CertificateWithKey,
  certificateFingerprint,
  createAuthorityCertificate,
  issueCertificate,
  publicKeyFingerprint,
} from './certificates.js';
import { sha256Hex } from './hashing.js';

async function authority(instance: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, certificate: await createAuthorityCertificate(privateKey, instance) };
}

/** Makes one mutual-TLS request; resolves with the status or rejects with the TLS failure. */
async function mutualTls(
  server: { identity: CertificateWithKey; trusted: string },
  client: { identity: CertificateWithKey; trusted: string },
): Promise<{ status: number; peer: string }> {
  const https = createServer(
    {
      key: server.identity.privateKey,
      cert: server.identity.certificate,
      ca: server.trusted,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate().raw;
      res.end(sha256Hex(peer));
    },
  );
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const { port } = https.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          key: client.identity.privateKey,
          cert: client.identity.certificate,
          ca: client.trusted,
          // Nodes are pinned by key, not by host name.
          checkServerIdentity: () => undefined,
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, peer: body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  } finally {
    https.closeAllConnections();
    await new Promise((resolve) => https.close(resolve));
  }
}

describe('certificates', () => {
  it('makes an authority certificate from the registry key, signed by that key', async () => {
    const { privateKey, certificate } = await authority('VN-HP');
    const parsed = new X509Certificate(certificate);
    expect(parsed.subject).toBe('CN=VN-HP');
    expect(parsed.ca).toBe(true);
    expect(parsed.verify(createPublicKey(privateKey))).toBe(true);
    expect(publicKeyFingerprint(parsed)).toBe(
      sha256Hex(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })),
    );
  });

  it('issues node certificates that an authority vouches for and another does not', async () => {
    const city = await authority('VN-HP');
    const national = await authority('VN');
    const node = await issueCertificate({ name: 'VN-HP/node-1', authority: city });
    const parsed = new X509Certificate(node.certificate);
    expect(parsed.subject).toBe('CN=VN-HP/node-1');
    expect(parsed.checkIssued(new X509Certificate(city.certificate))).toBe(true);
    expect(parsed.verify(createPublicKey(city.privateKey))).toBe(true);
    expect(parsed.verify(createPublicKey(national.privateKey))).toBe(false);
  });

  it('carries a mutual-TLS connection between nodes of trusting instances, and the server sees the client', async () => {
    const city = await authority('VN-HP');
    const national = await authority('VN');
    const cityNode = await issueCertificate({ name: 'VN-HP/node-1', authority: city });
    const nationalNode = await issueCertificate({ name: 'VN/node-1', authority: national });
    const answer = await mutualTls(
      { identity: nationalNode, trusted: city.certificate },
      { identity: cityNode, trusted: national.certificate },
    );
    expect(answer.status).toBe(200);
    expect(answer.peer).toBe(certificateFingerprint(cityNode.certificate));
  });

  it('refuses a client whose certificate no trusted authority issued', async () => {
    const city = await authority('VN-HP');
    const national = await authority('VN');
    const stranger = await issueCertificate({ name: 'XX/node-1' });
    const nationalNode = await issueCertificate({ name: 'VN/node-1', authority: national });
    await expect(
      mutualTls(
        { identity: nationalNode, trusted: city.certificate },
        { identity: stranger, trusted: national.certificate },
      ),
    ).rejects.toThrow(/certificate|socket hang up|ECONNRESET/i);
  });

  it('names hosts for ordinary host-name checks and refuses names that are not identifiers', async () => {
    const plain = await issueCertificate({ name: 'provider', hosts: ['localhost', '127.0.0.1'] });
    const parsed = new X509Certificate(plain.certificate);
    expect(parsed.checkHost('localhost')).toBe('localhost');
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(parsed.verify(parsed.publicKey)).toBe(true);
    await expect(issueCertificate({ name: 'CN=evil,O=x' })).rejects.toThrow(/Not a certificate name/);
  });
});
