/*
 * Owned by the catalog: entries, their facets, search rows, links and revisions, sharing requests and their
 * messages. Only this part reads or writes these tables (scripts/check-dependency-direction.ts).
 */

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
  search_rowid: number | null; // place in the search order, new at each change (SQLite: the FTS5 rowid)
  search_facets: string; // compact facet values a search counts, see catalog's searchFacetsOf
  published_at: number | null;
  last_reviewed_at: number | null;
  review_due_at: number | null;
  created_at: number;
  updated_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
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
  search_rowid: number; // = catalog_entries.search_rowid
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
  decision_legal_basis: string | null; // a refusal's legal basis (Decree 194/2025/NĐ-CP)
  grant_ids: string | null; // JSON array of registry grant ids
  expires_at: number | null;
  ended_at: number | null; // revoked or expired
  created_by: string;
  created_at: number;
  updated_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
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

/** The tables of the catalog part, by name. */
export interface CatalogTables {
  catalog_entries: CatalogEntryTable;
  catalog_entry_facets: CatalogEntryFacetTable;
  catalog_search: CatalogSearchTable;
  catalog_links: CatalogLinkTable;
  catalog_revisions: CatalogRevisionTable;
  sharing_requests: SharingRequestTable;
  sharing_request_messages: SharingRequestMessageTable;
}
