/*
 * The tables of every part, as Kysely sees them. Conventions that keep one query code for both dialects:
 * times are integer Unix milliseconds, booleans are integers 0/1, lists and objects are JSON text.
 */

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

export interface SystemTable {
  id: string; // organisation id + /{system}
  organisation_id: string;
  code: string;
  name: string;
  created_at: number;
  updated_at: number;
}

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

export interface NodeTable {
  id: string;
  name: string;
  address: string | null;
  created_at: number;
}

export interface NodeKeyTable {
  id: string; // key fingerprint
  node_id: string;
  public_key: string; // base64url SPKI
  created_at: number;
  retired_at: number | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  scope: string; // organisation or unit id; '' for a role without scope
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface AuditEventTable {
  id: string; // UUIDv7, so ids sort by time
  at: number;
  actor: string;
  action: string;
  resource: string;
  details: string | null; // JSON
  remote_address: string | null;
}

export interface LogEntryTable {
  node_id: string;
  seq: number;
  id: string; // transaction id, UUIDv7
  started_at: number;
  duration_ms: number;
  client_id: string | null;
  service_id: string | null;
  method: string;
  path: string;
  query: string | null;
  status: number;
  error_code: string | null;
  request_bytes: number;
  response_bytes: number;
  request_body_hash: string | null;
  response_body_hash: string | null;
  request_hash: string | null; // X-Cang-Request-Hash
  user_id: string | null;
  subject_hash: string | null;
  purpose: string | null;
  trace_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface LogSealTable {
  node_id: string;
  seq: number; // the chain head sealed
  head_hash: string;
  sealed_at: number;
  key_id: string;
  signature: string;
}

export interface LogBodyTable {
  id: string; // transaction id
  request_body: string | null; // base64
  response_body: string | null; // base64
}

export interface TrafficMinuteTable {
  minute: number; // Unix ms at the start of the minute
  client_id: string;
  service_id: string;
  status: number;
  count: number;
  total_ms: number;
  latency_buckets: string; // JSON array of counts per LATENCY_BUCKETS_MS upper bound, last is +Inf
}

/** Every table of the store. */
export interface Database {
  organisations: OrganisationTable;
  systems: SystemTable;
  services: ServiceTable;
  grants: GrantTable;
  credentials: CredentialTable;
  nodes: NodeTable;
  node_keys: NodeKeyTable;
  meta: MetaTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  log_entries: LogEntryTable;
  log_seals: LogSealTable;
  log_bodies: LogBodyTable;
  traffic_minutes: TrafficMinuteTable;
}
