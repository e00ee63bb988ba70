import type {
  FederationOfferTable,
  GrantTable,
  NodeTable,
  ServiceTable,
  SystemTable,
} from '../../store/index.js';
import type { FederationConfiguration, FederationGrant } from './federation-configuration.js';

/** The rows of one consistent registry read that a partner's configuration is built from. */
export interface FederationConfigurationRows {
  readonly nodes: readonly NodeTable[];
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly systems: readonly Pick<SystemTable, 'id' | 'name' | 'organisation_id'>[];
  readonly services: readonly ServiceTable[];
  /** Unexpired grants. */
  readonly grants: readonly GrantTable[];
}

/** What this instance shows one partner and when: the header of the document. */
export interface FederationConfigurationHeader {
  readonly instance: string;
  readonly partner: string;
  readonly version: number;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/**
 * Builds the configuration one partner sees (ARCHITECTURE.md, "Federation"): the nodes with a federation
 * address, the services offered to it (never a base URL; OpenAPI only where the offer opts in), only
 * the grants naming its own systems, and the organisations and systems behind those services plus our
 * systems allowed to call it. Credentials are not among the inputs, so none can leak into it.
 */
export function buildFederationConfiguration(
  header: FederationConfigurationHeader,
  rows: FederationConfigurationRows,
  offers: readonly FederationOfferTable[],
  outboundClients: readonly string[],
): FederationConfiguration {
  const partnerPrefix = `${header.partner}/`;
  const serviceById = new Map(rows.services.map((service) => [service.id, service]));
  const offered = offers
    .map((offer) => ({ offer, service: serviceById.get(offer.service_id) }))
    .filter(
      (entry): entry is { offer: FederationOfferTable; service: ServiceTable } => entry.service !== undefined,
    )
    .sort((a, b) => compare(a.service.id, b.service.id));

  const systemById = new Map(rows.systems.map((system) => [system.id, system]));
  const shownSystems = new Set([...offered.map(({ service }) => service.system_id), ...outboundClients]);
  const systems = [...shownSystems]
    .map((id) => systemById.get(id))
    .filter((system) => system !== undefined)
    .sort((a, b) => compare(a.id, b.id));
  const shownOrganisations = new Set(systems.map((system) => system.organisation_id));

  return {
    format: 'cang-federation/1',
    instance: header.instance,
    partner: header.partner,
    version: header.version,
    issuedAt: header.issuedAt,
    expiresAt: header.expiresAt,
    nodes: rows.nodes
      .filter((node) => node.federation_address !== null && node.federation_tls_fingerprint !== null)
      .map((node) => ({
        id: node.id,
        address: node.federation_address!,
        tlsFingerprints: [node.federation_tls_fingerprint!],
      })),
    organisations: rows.organisations
      .filter((organisation) => shownOrganisations.has(organisation.id))
      .map(({ id, name }) => ({ id, name })),
    systems: systems.map(({ id, name }) => ({ id, name })),
    services: offered.map(({ offer, service }) => ({
      id: service.id,
      name: service.name,
      enabled: service.enabled === 1,
      timeoutMs: service.timeout_ms,
      maxBodyBytes: service.max_body_bytes,
      openapi: offer.publish_openapi === 1 ? service.openapi : null,
      grants: rows.grants
        .filter(
          (grant) => grant.service_id === service.id && grant.client_system_id.startsWith(partnerPrefix),
        )
        .map(
          (grant): FederationGrant => ({
            client: grant.client_system_id,
            methods: grant.methods === null ? null : (JSON.parse(grant.methods) as string[]),
            pathPatterns: grant.path_patterns === null ? null : (JSON.parse(grant.path_patterns) as string[]),
            quotaPerMinute: grant.quota_per_minute,
            expiresAt: grant.expires_at,
          }),
        ),
    })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
