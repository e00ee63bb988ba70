/*
 * Owned by the store: the audit trail every part writes through it (`writeAudited`, `recordAudit`). Only
 * this part reads or writes these tables (scripts/check-dependency-direction.ts).
 */

/** One change made through the admin API: who, when, what and from where. */
export interface AuditEventTable {
  id: string; // UUIDv7, so ids sort by time
  at: number;
  actor: string;
  action: string;
  resource: string;
  details: string | null; // JSON
  remote_address: string | null;
}

/** The tables of the store part, by name. */
export interface StoreTables {
  audit_events: AuditEventTable;
}
