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

/** A steering indicator (the steering workspace's indicators half). */
export interface SteeringIndicatorTable {
  code: string; // e.g. CQS-03, EXC-01
  name: string;
  pillar: string;
  measure_unit: string; // unit of measure, e.g. %
  direction: 'up' | 'down';
  levels: string; // JSON array of unit kinds the indicator applies to
  weight: number; // weight in a unit's index; 1 by default
  baseline_value: number | null;
  baseline_year: number | null;
  measure: string | null; // measured indicators: what the platform counts; null = reported
  note: string | null;
  created_at: number;
  updated_at: number;
}

/** A target of an indicator for a level (unit kind, or '*' for every level) and a year. */
export interface SteeringIndicatorTargetTable {
  indicator_code: string;
  level: string;
  year: number;
  target: number;
}

/** A value of an indicator for a unit and a period ('YYYY', 'YYYY-Hn', 'YYYY-Qn', 'YYYY-MM'). */
export interface SteeringIndicatorValueTable {
  period: string;
  indicator_code: string;
  unit_id: string;
  value: number;
  source: 'reported' | 'verified' | 'measured';
  evidence_note: string | null;
  attachment_id: string | null;
  recorded_by: string;
  created_at: number;
  updated_at: number;
}

/** A unit of the steering workspace: the city, a department, a district or a commune, with its validity. */
export interface SteeringUnitTable {
  id: string; // the unit code, e.g. UBND-HP, SNV, Q-LECHAN
  admin_code: string | null; // QĐ 124/2004/QĐ-TTg administrative code
  name: string;
  kind: 'city' | 'department' | 'district' | 'commune';
  parent_id: string | null;
  valid_from: string; // YYYY-MM-DD
  valid_to: string | null; // last day, inclusive; null while the unit exists
  successor_id: string | null; // merged or renamed into
  organisation_id: string | null; // registry organisation VN-HP/GOV/{code}
  created_at: number;
  updated_at: number;
}

/** A dated event in a unit's history. */
export interface SteeringUnitEventTable {
  id: string;
  unit_id: string;
  kind: 'created' | 'renamed' | 'merged' | 'abolished';
  date: string; // YYYY-MM-DD
  successor_id: string | null;
  previous_name: string | null;
  note: string | null;
}

/** An uploaded file (document text, report evidence), stored as base64 with its SHA-256. */
export interface SteeringAttachmentTable {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string; // hex
  content: string; // base64
  unit_id: string | null;
  created_by: string;
  created_at: number;
}

/** A resolution, decision, plan, regulation or report of the steering workspace. */
export interface SteeringDocumentTable {
  id: string;
  kind: string; // resolution | decision | plan | regulation | report
  number: string;
  date: string; // YYYY-MM-DD
  issuer: string;
  title: string;
  unit_id: string | null; // the unit it was issued by or for
  attachment_id: string | null;
  replaces: string | null;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A steering committee of a unit. */
export interface SteeringCommitteeTable {
  id: string;
  unit_id: string;
  name: string;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A founding or consolidating decision of a committee. */
export interface SteeringCommitteeDecisionTable {
  id: string;
  committee_id: string;
  kind: string; // founding | consolidating
  number: string;
  date: string;
  issuer: string;
  document_id: string | null;
  created_at: number;
}

/** A member's role in a committee over a span of dates. */
export interface SteeringCommitteeMemberTable {
  id: string;
  committee_id: string;
  role: string; // head | standing-deputy | deputy | member | working-group
  person_name: string;
  position: string;
  from_date: string;
  to_date: string | null;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A program of the steering workspace, e.g. the action program of QĐ 284/QĐ-UBND. */
export interface SteeringProgramTable {
  id: string;
  code: string;
  title: string;
  unit_id: string;
  document_id: string | null;
  start_date: string;
  end_date: string;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A task group of a program. */
export interface SteeringTaskGroupTable {
  id: string;
  program_id: string;
  code: string;
  title: string;
  weight: number;
  created_at: number;
  updated_at: number;
}

/** A task of a program. */
export interface SteeringTaskTable {
  id: string;
  program_id: string;
  group_id: string;
  code: string;
  title: string;
  expected_output: string;
  lead_unit_id: string;
  coordinating_unit_ids: string; // JSON array of unit ids
  start_date: string;
  deadline: string;
  funding_source: string | null;
  weight: number;
  status: string; // not-started | in-progress | completed | suspended | cancelled
  progress: number; // 0..100
  sample: number;
  created_at: number;
  updated_at: number;
}

/** One change of a task: who, when, which fields from what to what. */
export interface SteeringTaskHistoryTable {
  id: string;
  task_id: string;
  seq: number; // 1, 2, … per task
  at: number;
  actor: string;
  source: string; // create | update | report | import
  report_id: string | null;
  changes: string; // JSON {field: {from, to}}
}

/** A unit's periodic report. */
export interface SteeringReportTable {
  id: string;
  unit_id: string;
  period: string; // YYYY-MM | YYYY-Qn | YYYY-Hn | YYYY
  status: string; // draft | submitted | accepted | returned
  narrative: string;
  return_comment: string | null;
  submitted_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A report's line on one task. */
export interface SteeringReportItemTable {
  report_id: string;
  task_id: string;
  progress: number;
  narrative: string | null;
  evidence_ids: string; // JSON array of attachment ids
}

/** A catalog entry: a dataset or a data service, with DCAT-AP-shaped metadata (text is NFC). */
export interface CatalogEntryTable {
  id: string; // UUIDv7
  kind: 'dataset' | 'service';
  publisher_id: string; // organisation id
  title: string;
  description: string;
  focal_officer: string; // JSON {name, position, phone, email}
  themes: string; // JSON array of theme codes
  keywords: string; // JSON array
  classification: 'open' | 'shared' | 'restricted' | 'personal';
  update_frequency: string | null;
  temporal_start: string | null; // YYYY-MM-DD
  temporal_end: string | null;
  spatial: string | null;
  licence: string | null;
  distributions: string; // JSON array of {format, url, mediaType, title}
  schema_document: string | null; // JSON {kind, document}
  exchange_service_id: string | null; // data services: the registry service
  state: 'draft' | 'published' | 'deprecated' | 'retired';
  revision: number;
  search_text: string; // folded (ASCII, lower case) text the search indexes
  search_rowid: number | null; // SQLite: rowid in the FTS5 table catalog_search
  search_facets: string; // compact facet values a search counts, see catalog's searchFacetsOf
  published_at: number | null;
  last_reviewed_at: number | null;
  review_due_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One value of a multi-valued facet of an entry ('theme' or 'format'). */
export interface CatalogEntryFacetTable {
  entry_id: string;
  facet: 'theme' | 'format';
  value: string;
}

/** PostgreSQL only: an entry's search row (SQLite's is the FTS5 table of the same name). */
export interface CatalogSearchTable {
  id: string; // the entry's
  state: CatalogEntryTable['state'];
  kind: CatalogEntryTable['kind'];
  classification: CatalogEntryTable['classification'];
  publisher_id: string;
  search_facets: string; // = catalog_entries.search_facets
  search_vector: string; // tsvector: folded words and their `pre*` prefixes
}

/** A dataset served by a data service (many-to-many). */
export interface CatalogLinkTable {
  dataset_id: string;
  service_entry_id: string;
}

/** One change of a catalog entry: who, when, which fields from what to what. */
export interface CatalogRevisionTable {
  entry_id: string;
  revision: number;
  at: number;
  actor: string;
  action: string; // create | update | publish | deprecate | retire | review | link
  changes: string; // JSON {field: {from, to}}
}

/** A unit's request to use a data service (or a dataset's services) for one of its systems. */
export interface SharingRequestTable {
  id: string;
  entry_id: string;
  owner_id: string; // the entry's publisher, who decides
  requester_id: string; // the requesting organisation
  client_system_id: string | null;
  purpose: string;
  legal_basis: string;
  fields_needed: string; // JSON array
  duration_days: number;
  state:
    | 'draft'
    | 'submitted'
    | 'changes-requested'
    | 'resubmitted'
    | 'approved'
    | 'refused'
    | 'revoked'
    | 'expired';
  submitted_at: number | null; // the latest (re)submission
  decided_at: number | null;
  decided_by: string | null;
  decision_reason: string | null;
  grant_ids: string | null; // JSON array of registry grant ids
  expires_at: number | null;
  ended_at: number | null; // revoked or expired
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A message or step on a sharing request. */
export interface SharingRequestMessageTable {
  id: string; // UUIDv7
  request_id: string;
  seq: number; // 1, 2, … within the request
  at: number;
  author: string;
  kind: string; // message | submitted | resubmitted | changes-requested | approved | refused | revoked | expired
  body: string;
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
  catalog_entries: CatalogEntryTable;
  catalog_entry_facets: CatalogEntryFacetTable;
  catalog_search: CatalogSearchTable;
  catalog_links: CatalogLinkTable;
  catalog_revisions: CatalogRevisionTable;
  sharing_requests: SharingRequestTable;
  sharing_request_messages: SharingRequestMessageTable;
  steering_units: SteeringUnitTable;
  steering_unit_events: SteeringUnitEventTable;
  steering_attachments: SteeringAttachmentTable;
  steering_documents: SteeringDocumentTable;
  steering_committees: SteeringCommitteeTable;
  steering_committee_decisions: SteeringCommitteeDecisionTable;
  steering_committee_members: SteeringCommitteeMemberTable;
  steering_programs: SteeringProgramTable;
  steering_task_groups: SteeringTaskGroupTable;
  steering_tasks: SteeringTaskTable;
  steering_task_history: SteeringTaskHistoryTable;
  steering_reports: SteeringReportTable;
  steering_report_items: SteeringReportItemTable;
  steering_indicators: SteeringIndicatorTable;
  steering_indicator_targets: SteeringIndicatorTargetTable;
  steering_indicator_values: SteeringIndicatorValueTable;
}
