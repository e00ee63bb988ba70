import type { SharingRequestMessageTable, SharingRequestTable } from '../store/index.js';
import { isoOrNull } from './entry-rows.js';
import { DECISION_DUE_DAYS, type SharingRequestView } from './sharing-request-schemas.js';

const DAY_MS = 86_400_000;

/** States in which the owner still has to decide. */
export const AWAITING_DECISION = ['submitted', 'resubmitted'] as const;

/** When the owner's decision on a request submitted at `submittedAt` falls due. */
export function decisionDueAt(submittedAt: number): number {
  return submittedAt + DECISION_DUE_DAYS * DAY_MS;
}

/** Presents a request row; an approved request whose grant has run out shows as expired. */
export function presentSharingRequest(
  row: SharingRequestTable,
  entryTitle: string,
  now: number,
  messages?: readonly SharingRequestMessageTable[],
): SharingRequestView {
  const awaiting = (AWAITING_DECISION as readonly string[]).includes(row.state);
  const dueAt = awaiting && row.submitted_at !== null ? decisionDueAt(row.submitted_at) : null;
  const lapsed = row.state === 'approved' && row.expires_at !== null && row.expires_at <= now;
  return {
    id: row.id,
    entry: row.entry_id,
    entryTitle,
    owner: row.owner_id,
    requester: row.requester_id,
    clientSystem: row.client_system_id,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    fieldsNeeded: JSON.parse(row.fields_needed) as string[],
    durationDays: row.duration_days,
    state: lapsed ? 'expired' : row.state,
    submittedAt: isoOrNull(row.submitted_at),
    dueAt: isoOrNull(dueAt),
    due: dueAt !== null && dueAt < now,
    decidedAt: isoOrNull(row.decided_at),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    grants: row.grant_ids === null ? [] : (JSON.parse(row.grant_ids) as string[]),
    expiresAt: isoOrNull(row.expires_at),
    endedAt: isoOrNull(lapsed ? row.expires_at : row.ended_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(messages === undefined
      ? {}
      : {
          messages: messages.map((m) => ({
            id: m.id,
            at: new Date(m.at).toISOString(),
            author: m.author,
            kind: m.kind,
            body: m.body,
          })),
        }),
  };
}
