import type { WorkingCalendar } from '../core/index.js';
import type { SharingRequestMessageTable, SharingRequestTable } from '../store/index.js';
import { isoOrNull } from './entry-rows.js';
import { decisionDeadline } from './sharing-request-deadline.js';
import type { SharingRequestView } from './sharing-request-schemas.js';

/** States in which the owner still has to decide. */
export const AWAITING_DECISION = ['submitted', 'resubmitted'] as const;

/**
 * Presents a request row, its due date counted in the working calendar given; an approved request whose
 * grant has run out shows as expired.
 */
export function presentSharingRequest(
  row: SharingRequestTable,
  entryTitle: string,
  now: number,
  calendar: WorkingCalendar,
  messages?: readonly SharingRequestMessageTable[],
): SharingRequestView {
  const awaiting = (AWAITING_DECISION as readonly string[]).includes(row.state);
  const deadline =
    awaiting && row.submitted_at !== null ? decisionDeadline(calendar, row.submitted_at) : null;
  const lapsed = row.state === 'approved' && row.expires_at !== null && row.expires_at <= now;
  return {
    id: row.id,
    entry: row.entry_id,
    entryTitle,
    sample: row.sample === 1,
    owner: row.owner_id,
    requester: row.requester_id,
    clientSystem: row.client_system_id,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    fieldsNeeded: JSON.parse(row.fields_needed) as string[],
    durationDays: row.duration_days,
    state: lapsed ? 'expired' : row.state,
    submittedAt: isoOrNull(row.submitted_at),
    dueDate: deadline?.dueDate ?? null,
    dueAt: isoOrNull(deadline?.endsAt ?? null),
    overdue: deadline !== null && deadline.endsAt <= now,
    decidedAt: isoOrNull(row.decided_at),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    decisionLegalBasis: row.decision_legal_basis,
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
