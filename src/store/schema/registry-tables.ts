/*
 * Owned by the registry: organisations, information systems, services, grants, client credentials, nodes and
 * their keys. Only this part reads or writes these tables (scripts/check-dependency-direction.ts).
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
}

/** An exchange node. */
export interface NodeTable {
  id: string;
  name: string;
  address: string | null;
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

/** The tables of the registry part, by name. */
export interface RegistryTables {
  organisations: OrganisationTable;
  systems: SystemTable;
  services: ServiceTable;
  grants: GrantTable;
  credentials: CredentialTable;
  nodes: NodeTable;
  node_keys: NodeKeyTable;
  external_platforms: ExternalPlatformTable;
}
