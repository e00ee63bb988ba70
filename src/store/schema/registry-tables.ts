/*
 * Owned by the registry: organisations, information systems, services, grants, client credentials, nodes and
 * their keys, and the federation partners with what is offered to and allowed toward each. Only this part
 * reads or writes these tables (scripts/check-dependency-direction.ts).
 */

/** A member organisation `{instance}/{class}/{code}`. */
export interface OrganisationTable {
  id: string; // {instance}/{class}/{code}
  instance: string;
  member_class: string;
  code: string;
  name: string;
  agency_code: string | null; // QĐ 20/2020/QĐ-TTg code, e.g. 000.00.31.H26
  admin_code: string | null; // QĐ 124/2004/QĐ-TTg administrative code
  valid_to: string | null; // last day it existed (inclusive), YYYY-MM-DD; null while it exists
  created_at: number;
  updated_at: number;
}

/** An information system (subsystem) of an organisation. */
export interface SystemTable {
  id: string; // organisation id + /{system}
  organisation_id: string;
  code: string;
  name: string;
  created_at: number;
  updated_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
}

/** A service of an information system, with where and how the exchange forwards to it. */
export interface ServiceTable {
  id: string; // system id + /{service}
  system_id: string;
  code: string;
  name: string;
  base_url: string;
  openapi: string | null;
  enabled: number;
  timeout_ms: number;
  max_body_bytes: number;
  log_bodies: number;
  created_at: number;
  updated_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
}

/** An access grant: a client system may call a service, optionally narrowed. */
export interface GrantTable {
  id: string;
  client_system_id: string;
  service_id: string;
  methods: string | null; // JSON array of upper-case methods; null = any
  path_patterns: string | null; // JSON array of patterns; null = any path
  quota_per_minute: number | null;
  expires_at: number | null;
  created_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
}

/** A client credential of an information system: a hashed bearer token or a certificate fingerprint. */
export interface CredentialTable {
  id: string;
  system_id: string;
  kind: 'token' | 'certificate';
  label: string;
  token_hash: string | null; // SHA-256 (base64url) of a high-entropy bearer token
  token_hint: string | null; // first characters of the token, to tell tokens apart
  certificate_fingerprint: string | null; // SHA-256 of the DER certificate, hex
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
}

/** An exchange node. */
export interface NodeTable {
  id: string;
  name: string;
  address: string | null;
  /** `https://host:port` of its federation listener; null when the node does not federate. */
  federation_address: string | null;
  /** Hex SHA-256 of the SPKI of its federation TLS key. */
  federation_tls_fingerprint: string | null;
  created_at: number;
}

/** A public key of an exchange node, with which its log seals verify. */
export interface NodeKeyTable {
  id: string; // key fingerprint
  node_id: string;
  public_key: string; // base64url SPKI
  created_at: number;
  retired_at: number | null;
}

/** A partner instance trusted from its configuration anchor. */
export interface FederationPartnerTable {
  instance: string;
  public_key: string; // base64url SPKI of the partner's registry key
  certificate: string; // PEM of the partner's authority certificate
  configuration_urls: string; // JSON array of https URLs
  added_at: number;
}

/** A local service offered to a partner instance. */
export interface FederationOfferTable {
  partner: string;
  service_id: string;
  publish_openapi: number; // 0/1: whether the partner sees the service's OpenAPI document
  created_at: number;
}

/** A local system allowed to call out to a partner instance (closed by default). */
export interface FederationOutboundTable {
  partner: string;
  client_system_id: string;
  created_at: number;
}

/**
 * An external platform (an API gateway that is not Cảng) bound to the local system that stands for it.
 * Its services must live on `origin`, the only place its credential is sent.
 */
export interface ExternalPlatformTable {
  system_id: string;
  origin: string; // scheme://host[:port] of the platform's API
  auth_kind: 'oauth2-client-credentials' | 'api-key';
  token_url: string | null; // oauth2: the token endpoint
  client_id: string | null; // oauth2
  scope: string | null; // oauth2, optional
  api_key_header: string | null; // api-key: the header that carries the key
  sealed_secret: string; // client secret or API key, sealed with the secrets key
  created_at: number;
  updated_at: number;
}

/** One entry of an organisation's provider allow-list (`ProviderAllowEntry` in core). */
export interface ProviderAllowListTable {
  organisation_id: string;
  address: string; // host name, `*.` domain, IP address or CIDR block, normalised
  ports: string | null; // JSON array of port numbers; null allows every port
  created_at: number;
}

/** The tables of the registry part, by name. */
export interface RegistryTables {
  organisations: OrganisationTable;
  systems: SystemTable;
  services: ServiceTable;
  grants: GrantTable;
  credentials: CredentialTable;
  nodes: NodeTable;
  node_keys: NodeKeyTable;
  federation_partners: FederationPartnerTable;
  federation_offers: FederationOfferTable;
  federation_outbound: FederationOutboundTable;
  external_platforms: ExternalPlatformTable;
  provider_allow_list: ProviderAllowListTable;
}
