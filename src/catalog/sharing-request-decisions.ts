import { CangError, parseInput } from '../core/index.js';
import type { AuditActor } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';
import { requireEntry } from './entry-checks.js';
import { AWAITING_DECISION } from './sharing-request-rows.js';
import {
  addMessage,
  moveRequest,
  requireRequest,
  requireShareable,
  servicesToGrant,
  stateConflict,
} from './sharing-request-checks.js';
import {
  ApprovalInput,
  ReasonInput,
  RefusalInput,
  type SharingRequestView,
} from './sharing-request-schemas.js';

const DAY_MS = 86_400_000;

/** The owner's decisions on a request, and the end of an approval. */
export interface DecisionCommands {
  /** Sends a submitted request back to the requester with what to change. */
  requestChanges(actor: AuditActor, id: string, input: { reason: string }): Promise<SharingRequestView>;
  /**
   * Approves a submitted request: creates a grant through the registry for each exchange service of the
   * entry (client = the request's system, expiry = its duration) and records their ids. Refused with
   * `conflict` when already decided, when the entry is retired, or when no client system is named.
   */
  approve(actor: AuditActor, id: string, input: ApprovalInput): Promise<SharingRequestView>;
  /** Refuses a request with written reasons and their legal basis, both required. */
  refuse(actor: AuditActor, id: string, input: RefusalInput): Promise<SharingRequestView>;
  /** Revokes an approval: deletes its grants, so the exchange refuses the next call after a refresh. */
  revoke(actor: AuditActor, id: string, input: { reason: string }): Promise<SharingRequestView>;
  /** Ends approvals whose duration has run out (deleting their grants); returns how many. */
  expireDue(actor: AuditActor): Promise<number>;
}

/** Builds the decision commands; `view` presents a request after a change. */
export function decisionCommands(
  context: CatalogContext,
  view: (id: string) => Promise<SharingRequestView>,
): DecisionCommands {
  const { db, registry } = context;

  async function deleteGrants(actor: AuditActor, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      await registry.grants.delete(actor, id).catch((error: unknown) => {
        // Already gone (deleted by hand in the registry): the goal is reached.
        if (!(error instanceof CangError && error.code === 'not-found')) throw error;
      });
    }
  }

  async function decide(
    actor: AuditActor,
    id: string,
    to: 'changes-requested' | 'refused',
    raw: unknown,
  ): Promise<SharingRequestView> {
    const { reason, legalBasis } =
      to === 'refused'
        ? parseInput(RefusalInput, raw, 'Invalid refusal')
        : { ...parseInput(ReasonInput, raw, 'Invalid decision'), legalBasis: undefined };
    await context.write(actor, async (trx, at) => {
      const row = await requireRequest(trx, id);
      const from =
        to === 'refused' ? [...AWAITING_DECISION, 'changes-requested' as const] : [...AWAITING_DECISION];
      const decided =
        to === 'refused'
          ? {
              decided_at: at,
              decided_by: actor.id,
              decision_reason: reason,
              decision_legal_basis: legalBasis ?? null,
            }
          : {};
      await moveRequest(trx, row, from, { state: to, updated_at: at, ...decided });
      const body = legalBasis === undefined ? reason : `${reason}\nCăn cứ pháp lý: ${legalBasis}`;
      await addMessage(trx, id, actor, to, body, at);
      const action = to === 'refused' ? 'refuse' : 'request-changes';
      return {
        result: undefined,
        audit: {
          action: `sharing-request.${action}`,
          resource: id,
          details: legalBasis === undefined ? { reason } : { reason, legalBasis },
        },
      };
    });
    return view(id);
  }

  return {
    requestChanges: (actor, id, input) => decide(actor, id, 'changes-requested', input),
    refuse: (actor, id, input) => decide(actor, id, 'refused', input),

    async approve(actor, id, raw) {
      const { message, ...narrowing } = parseInput(ApprovalInput, raw, 'Invalid approval');
      // 1. Check everything before anything changes.
      const row = await requireRequest(db, id);
      if (!(AWAITING_DECISION as readonly string[]).includes(row.state))
        throw stateConflict(row.state, 'approved');
      if (row.client_system_id === null) {
        throw new CangError('conflict', 'The request names no client system; ask the requester for changes', {
          errors: [{ pointer: '/clientSystem', detail: 'the requester must name the system that will call' }],
        });
      }
      const entry = await requireEntry(db, row.entry_id);
      requireShareable(entry);
      const services = await servicesToGrant(db, entry);
      const expiresAt = context.now() + row.duration_days * DAY_MS;
      // 2. The grants, through the registry (each audited, each bumping the configuration version).
      const grants: string[] = [];
      try {
        for (const service of services) {
          const grant = await registry.grants.create(
            actor,
            {
              client: row.client_system_id,
              service,
              ...narrowing,
              expiresAt: new Date(expiresAt).toISOString(),
            },
            // The grant of a sample request is sample data too, removed with it.
            { sample: row.sample === 1 },
          );
          grants.push(grant.id);
        }
        // 3. The decision, conditional on the request still awaiting one: a racing decision loses here,
        // and its grants are deleted again (step 4).
        await context.write(actor, async (trx, at) => {
          const current = await requireRequest(trx, id);
          await moveRequest(trx, current, AWAITING_DECISION, {
            state: 'approved',
            decided_at: at,
            decided_by: actor.id,
            decision_reason: message ?? null,
            grant_ids: JSON.stringify(grants),
            expires_at: expiresAt,
            updated_at: at,
          });
          await addMessage(trx, id, actor, 'approved', message ?? 'Đã phê duyệt', at);
          return {
            result: undefined,
            audit: { action: 'sharing-request.approve', resource: id, details: { grants, expiresAt } },
          };
        });
      } catch (error) {
        // 4. Nothing changed: undo the grants made so far.
        await deleteGrants(actor, grants);
        throw error;
      }
      return view(id);
    },

    async revoke(actor, id, raw) {
      const { reason } = parseInput(ReasonInput, raw, 'Invalid revocation');
      const row = await requireRequest(db, id);
      if (row.state !== 'approved') throw stateConflict(row.state, 'revoked');
      if (row.expires_at !== null && row.expires_at <= context.now())
        throw stateConflict('expired', 'revoked');
      // The grants go first: a request shown as revoked must never leave a working grant behind.
      await deleteGrants(actor, row.grant_ids === null ? [] : (JSON.parse(row.grant_ids) as string[]));
      await context.write(actor, async (trx, at) => {
        const current = await requireRequest(trx, id);
        await moveRequest(trx, current, ['approved'], { state: 'revoked', ended_at: at, updated_at: at });
        await addMessage(trx, id, actor, 'revoked', reason, at);
        return {
          result: undefined,
          audit: { action: 'sharing-request.revoke', resource: id, details: { reason } },
        };
      });
      return view(id);
    },

    async expireDue(actor) {
      const due = await db
        .selectFrom('sharing_requests')
        .selectAll()
        .where('state', '=', 'approved')
        .where('expires_at', '<=', context.now())
        .execute();
      for (const row of due) {
        await deleteGrants(actor, row.grant_ids === null ? [] : (JSON.parse(row.grant_ids) as string[]));
        await context.write(actor, async (trx, at) => {
          const current = await requireRequest(trx, row.id);
          await moveRequest(trx, current, ['approved'], { state: 'expired', ended_at: at, updated_at: at });
          await addMessage(trx, row.id, actor, 'expired', 'Hết thời hạn chia sẻ', at);
          return { result: undefined, audit: { action: 'sharing-request.expire', resource: row.id } };
        });
      }
      return due.length;
    },
  };
}
