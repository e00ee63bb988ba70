import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  type CertificateWithKey,
  canonicalJson,
  createAuthorityCertificate,
  issueCertificate,
  publicKeyFingerprint,
  signData,
} from '../../core/index.js';
import type {
  FederationConfiguration,
  FederationService,
  SignedFederationConfiguration,
  SnapshotPartner,
} from '../../registry/index.js';

/** A node's TLS identity as a test made it, with the SPKI fingerprint partners pin. */
export interface TestNodeIdentity extends CertificateWithKey {
  readonly fingerprint: string;
}

/** One instance's trust material: its registry key, authority certificate and a way to issue node identities. */
export interface TestInstance {
  readonly instance: string;
  readonly registryKey: KeyObject;
  /** The registry public key as anchors carry it (base64url SPKI). */
  readonly publicKey: string;
  readonly keyId: string;
  readonly authority: string;
  /** Issues a node TLS identity chained to this instance's authority (CN `{instance}/{nodeId}`). */
  issueNode(nodeId: string): Promise<TestNodeIdentity>;
  /** Signs a federation configuration exactly as the registry signs its snapshot. */
  sign(configuration: FederationConfiguration): SignedFederationConfiguration;
}

/** Makes an instance's registry key and authority certificate. */
export async function createTestInstance(instance: string): Promise<TestInstance> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const authority = await createAuthorityCertificate(privateKey, instance);
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64url');
  return {
    instance,
    registryKey: privateKey,
    publicKey,
    keyId: `${instance}-key`,
    authority,
    async issueNode(nodeId) {
      const identity = await issueCertificate({
        name: `${instance}/${nodeId}`,
        authority: { privateKey, certificate: authority },
      });
      return { ...identity, fingerprint: publicKeyFingerprint(identity.certificate) };
    },
    sign(configuration) {
      return signFederationConfiguration(configuration, privateKey, `${instance}-key`);
    },
  };
}

/** Signs a federation configuration as `src/registry/snapshot-signature.ts` signs a snapshot. */
export function signFederationConfiguration(
  configuration: FederationConfiguration,
  privateKey: KeyObject,
  keyId: string,
): SignedFederationConfiguration {
  const payload = canonicalJson(configuration);
  return { payload, signature: signData(privateKey, payload), keyId };
}

/** A service offered to a partner, with no grants unless given. */
export function buildFederationService(
  overrides: Partial<FederationService> & { id: string },
): FederationService {
  return {
    name: 'Dịch vụ liên thông',
    enabled: true,
    timeoutMs: 5_000,
    maxBodyBytes: 10 * 1024 * 1024,
    openapi: null,
    grants: [],
    ...overrides,
  };
}

/** A configuration `instance` shows `partner`, valid for an hour unless overridden. */
export function buildFederationConfiguration(
  instance: string,
  partner: string,
  overrides: Partial<FederationConfiguration> = {},
): FederationConfiguration {
  const now = Date.now();
  return {
    format: 'cang-federation/1',
    instance,
    partner,
    version: 1,
    issuedAt: now,
    expiresAt: now + 3_600_000,
    nodes: [],
    organisations: [],
    systems: [],
    services: [],
    ...overrides,
  };
}

/** A partner as our snapshot carries it: its anchor data, our outbound policy, and what we show it. */
export function buildSnapshotPartner(
  partner: Pick<TestInstance, 'instance' | 'publicKey' | 'authority'>,
  overrides: Partial<SnapshotPartner> = {},
): SnapshotPartner {
  return {
    instance: partner.instance,
    publicKey: partner.publicKey,
    certificate: partner.authority,
    configurationUrls: [],
    outboundClients: [],
    configuration: { payload: '{}', signature: '', keyId: '' },
    ...overrides,
  };
}
