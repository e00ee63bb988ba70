import {
  createAuthorityCertificate,
  generateSigningKeyPair,
  loadPrivateKey,
  type SigningKeyPair,
} from '../../core/index.js';
import type { ConfigurationAnchor } from '../federation/configuration-anchor.js';
import type { FederationConfiguration } from '../federation/federation-configuration.js';
import type { FederationConfigurations } from '../federation/federation-configurations.js';

/** A partner instance as a test makes it: its registry key, authority certificate and anchor. */
export interface TestPartner {
  readonly instance: string;
  readonly registryKey: SigningKeyPair;
  readonly certificate: string;
  readonly anchor: ConfigurationAnchor;
}

/** Makes a partner instance with a fresh registry key and its authority certificate. */
export async function buildPartner(instance = 'VN'): Promise<TestPartner> {
  const registryKey = generateSigningKeyPair();
  const certificate = await createAuthorityCertificate(loadPrivateKey(registryKey.privateKey), instance);
  return {
    instance,
    registryKey,
    certificate,
    anchor: {
      format: 'cang-anchor/1',
      instance,
      publicKey: registryKey.publicKey,
      certificate,
      configurationUrls: [`https://x1.${instance.toLowerCase()}.example:8443/federation/v1/configuration`],
      generatedAt: Date.now(),
    },
  };
}

/** A federation configuration a partner shows VN-HP, listing the given systems of the partner. */
export function buildPartnerConfiguration(
  instance: string,
  overrides: Partial<FederationConfiguration> = {},
): FederationConfiguration {
  const now = Date.now();
  return {
    format: 'cang-federation/1',
    instance,
    partner: 'VN-HP',
    version: 1,
    issuedAt: now,
    expiresAt: now + 3_600_000,
    nodes: [],
    organisations: [{ id: `${instance}/GOV/BCA`, name: 'Bộ Công an' }],
    systems: [{ id: `${instance}/GOV/BCA/CSDLQG-DC`, name: 'Cơ sở dữ liệu quốc gia về dân cư' }],
    services: [],
    ...overrides,
  };
}

/** Partner configurations a test sets by hand, as the exchange's polling would hold them. */
export class TestFederationConfigurations implements FederationConfigurations {
  readonly held = new Map<string, FederationConfiguration>();
  current(instance: string): FederationConfiguration | undefined {
    return this.held.get(instance);
  }
}
