import type { FederationConfiguration, FederationNode, FederationService } from '../../registry/index.js';

/** A partner's verified federation configuration, indexed for the call paths. */
export interface ActivePartnerConfiguration {
  readonly configuration: FederationConfiguration;
  /** service id → service offered to us */
  readonly services: ReadonlyMap<string, FederationService>;
  /** system id → its offered services, for the metaservices */
  readonly servicesBySystem: ReadonlyMap<string, readonly FederationService[]>;
  /** system id → system the partner shows us */
  readonly systems: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  /** Hex SPKI fingerprint → the node presenting that key */
  readonly nodesByFingerprint: ReadonlyMap<string, FederationNode>;
}

/** Indexes a verified partner configuration. */
export function indexPartnerConfiguration(
  configuration: FederationConfiguration,
): ActivePartnerConfiguration {
  const services = new Map<string, FederationService>();
  const servicesBySystem = new Map<string, FederationService[]>();
  for (const service of configuration.services) {
    services.set(service.id, service);
    const system = service.id.slice(0, service.id.lastIndexOf('/'));
    const list = servicesBySystem.get(system);
    if (list === undefined) servicesBySystem.set(system, [service]);
    else list.push(service);
  }
  const nodesByFingerprint = new Map<string, FederationNode>();
  for (const node of configuration.nodes) {
    for (const fingerprint of node.tlsFingerprints) nodesByFingerprint.set(fingerprint.toLowerCase(), node);
  }
  return {
    configuration,
    services,
    servicesBySystem,
    systems: new Map(configuration.systems.map((system) => [system.id, system])),
    nodesByFingerprint,
  };
}
