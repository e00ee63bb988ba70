import type { Kysely } from 'kysely';
import { CangError, uuidV7, parseInput, parseQuery, type WorkingCalendar } from '../core/index.js';
import { organisationNameOf } from '../registry/index.js';
import type { AuditActor, Database, SharingRequestTable } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';
import { requireEntry } from './entry-checks.js';
import { AWAITING_DECISION, presentSharingRequest } from './sharing-request-rows.js';
import {
  addMessage,
  checkClientSystem,
  moveRequest,
  requireRequest,
  requireShareable,
  servicesToGrant,
} from './sharing-request-checks.js';
import { type DecisionCommands, decisionCommands } from './sharing-request-decisions.js';
import { overdueIfSubmittedBefore } from './sharing-request-deadline.js';
import {
  MessageInput,
  SharingRequestInput,
  SharingRequestListQuery,
  SharingRequestPatch,
  type SharingRequestView,
} from './sharing-request-schemas.js';

/** Which organisations a queue covers: every one (platform administrators) or those listed. */
export type OrganisationScope = 'all' | readonly string[];

/** Commands and queries on sharing requests; authorization is the caller's (the API's). */
export interface SharingRequestCommands extends DecisionCommands {
  /** One request with its messages; `not-found` if absent. */
  get(id: string): Promise<SharingRequestView>;
  /** A queue: requests made by (`requester`) or addressed to (`owner`) the organisations in scope. */
  list(
    query: unknown,
    scope: OrganisationScope,
  ): Promise<{ items: SharingRequestView[]; nextCursor: string | null }>;
  /**
   * Creates a request (a draft, or submitted at once); refused for a retired or unpublished entry.
   * `sample` marks it as sample data, and so the grants its approval creates.
   */
  create(
    actor: AuditActor,
    input: SharingRequestInput,
    options?: { sample?: boolean },
  ): Promise<SharingRequestView>;
  /** Changes a draft, or a request sent back for changes. */
  update(actor: AuditActor, id: string, patch: SharingRequestPatch): Promise<SharingRequestView>;
  /** Submits a draft, or resubmits after changes were asked. */
  submit(actor: AuditActor, id: string): Promise<SharingRequestView>;
  /** Adds a message to a request. */
  addMessage(actor: AuditActor, id: string, input: { body: string }): Promise<SharingRequestView>;
}

/** Reads and presents one request with its messages. */
export async function loadRequestView(
  db: Kysely<Database>,
  id: string,
  now: number,
  calendar: WorkingCalendar,
): Promise<SharingRequestView> {
  const row = await requireRequest(db, id);
  const entry = await db
    .selectFrom('catalog_entries')
    .select('title')
    .where('id', '=', row.entry_id)
    .executeTakeFirst();
  const messages = await db
    .selectFrom('sharing_request_messages')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('seq')
    .execute();
  return presentSharingRequest(row, entry?.title ?? row.entry_id, now, calendar, messages);
}

/** Builds the sharing request commands over a catalog context. */
export function sharingRequestCommands(context: CatalogContext): SharingRequestCommands {
  const { db } = context;
  const view = async (id: string) => loadRequestView(db, id, context.now(), await context.workingCalendar());

  return {
    ...decisionCommands(context, view),
    get: view,

    async list(raw, scope) {
      const query = parseQuery(SharingRequestListQuery, raw);
      const limit = query.limit ?? 50;
      const now = context.now();
      const calendar = await context.workingCalendar();
      const column = query.role === 'owner' ? 'r.owner_id' : 'r.requester_id';
      let select = db
        .selectFrom('sharing_requests as r')
        .leftJoin('catalog_entries as e', 'e.id', 'r.entry_id')
        .selectAll('r')
        .select('e.title')
        .orderBy('r.id', 'desc')
        .limit(limit + 1);
      if (scope !== 'all') {
        if (scope.length === 0) return { items: [], nextCursor: null };
        select = select.where(column, 'in', [...scope]);
      }
      if (query.organisation !== undefined) select = select.where(column, '=', query.organisation);
      if (query.state !== undefined) select = select.where('r.state', '=', query.state);
      if (query.overdue === true) {
        select = select
          .where('r.state', 'in', [...AWAITING_DECISION])
          .where('r.submitted_at', '<', overdueIfSubmittedBefore(calendar, now));
      }
      if (query.cursor !== undefined) select = select.where('r.id', '<', query.cursor);
      const rows = await select.execute();
      const items = rows
        .slice(0, limit)
        .map((row) => presentSharingRequest(row, row.title ?? row.entry_id, now, calendar));
      return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(SharingRequestInput, raw, 'Invalid sharing request');
      const id = await context.write(actor, async (trx, at) => {
        const entry = await requireEntry(trx, input.entry).catch(() => {
          throw new CangError('validation-failed', 'Invalid sharing request', {
            errors: [{ pointer: '/entry', detail: `no catalog entry ${input.entry}` }],
          });
        });
        requireShareable(entry);
        await servicesToGrant(trx, entry);
        if ((await organisationNameOf(trx, input.requester)) === undefined) {
          throw new CangError('validation-failed', 'Invalid sharing request', {
            errors: [{ pointer: '/requester', detail: `no organisation ${input.requester}` }],
          });
        }
        if (input.clientSystem !== undefined)
          await checkClientSystem(trx, input.requester, input.clientSystem);
        const row: SharingRequestTable = {
          id: uuidV7(at),
          sample: options.sample === true ? 1 : 0,
          entry_id: entry.id,
          owner_id: entry.publisher_id,
          requester_id: input.requester,
          client_system_id: input.clientSystem ?? null,
          purpose: input.purpose,
          legal_basis: input.legalBasis,
          fields_needed: JSON.stringify(input.fieldsNeeded),
          duration_days: input.durationDays,
          state: input.submit === true ? 'submitted' : 'draft',
          submitted_at: input.submit === true ? at : null,
          decided_at: null,
          decided_by: null,
          decision_reason: null,
          decision_legal_basis: null,
          grant_ids: null,
          expires_at: null,
          ended_at: null,
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        };
        await trx.insertInto('sharing_requests').values(row).execute();
        if (input.submit === true) await addMessage(trx, row.id, actor, 'submitted', input.purpose, at);
        const { submit: _submit, ...details } = input;
        return { result: row.id, audit: { action: 'sharing-request.create', resource: row.id, details } };
      });
      return view(id);
    },

    async update(actor, id, raw) {
      const patch = parseInput(SharingRequestPatch, raw, 'Invalid sharing request change');
      await context.write(actor, async (trx, at) => {
        const row = await requireRequest(trx, id);
        if (patch.clientSystem !== undefined)
          await checkClientSystem(trx, row.requester_id, patch.clientSystem);
        await moveRequest(trx, row, ['draft', 'changes-requested'], {
          state: row.state,
          client_system_id: patch.clientSystem ?? row.client_system_id,
          purpose: patch.purpose ?? row.purpose,
          legal_basis: patch.legalBasis ?? row.legal_basis,
          fields_needed:
            patch.fieldsNeeded === undefined ? row.fields_needed : JSON.stringify(patch.fieldsNeeded),
          duration_days: patch.durationDays ?? row.duration_days,
          updated_at: at,
        });
        return {
          result: undefined,
          audit: { action: 'sharing-request.update', resource: id, details: patch },
        };
      });
      return view(id);
    },

    async submit(actor, id) {
      await context.write(actor, async (trx, at) => {
        const row = await requireRequest(trx, id);
        requireShareable(await requireEntry(trx, row.entry_id));
        const state = row.state === 'changes-requested' ? 'resubmitted' : 'submitted';
        await moveRequest(trx, row, ['draft', 'changes-requested'], {
          state,
          submitted_at: at,
          updated_at: at,
        });
        await addMessage(trx, id, actor, state, row.purpose, at);
        return {
          result: undefined,
          audit: { action: 'sharing-request.submit', resource: id, details: { state } },
        };
      });
      return view(id);
    },

    async addMessage(actor, id, raw) {
      const { body } = parseInput(MessageInput, raw, 'Invalid message');
      await context.write(actor, async (trx, at) => {
        await requireRequest(trx, id);
        await addMessage(trx, id, actor, 'message', body, at);
        return { result: undefined, audit: { action: 'sharing-request.message', resource: id } };
      });
      return view(id);
    },
  };
}
