import { Type } from '@sinclair/typebox';
import {
  ApprovalInput,
  type Catalog,
  MessageInput,
  ReasonInput,
  RefusalInput,
  SharingRequestInput,
  SharingRequestListQuery,
  SharingRequestPage,
  SharingRequestPatch,
  SharingRequestView,
} from '../../../catalog/index.js';
import { CangError } from '../../../core/index.js';
import { type Actor, auditActorOf, authorize, isAllowed } from '../../../identity/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { organisationScope } from './catalog-scope.js';

const RequestParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'Request id' }),
});

/** Loads a request one of whose parties the actor speaks for; anyone else is told it does not exist. */
async function partyRequest(catalog: Catalog, actor: Actor, id: string): Promise<SharingRequestView> {
  const request = await catalog.sharingRequests.get(id);
  if (
    !isAllowed(actor, 'sharing-request.create', request.requester) &&
    !isAllowed(actor, 'sharing-request.approve', request.owner)
  ) {
    throw new CangError('not-found', `No sharing request ${id}`);
  }
  return request;
}

/**
 * `/api/v1/catalog/sharing-requests…`: a unit's administrator asks for a data service for one of its
 * systems; the owner organisation's administrator decides. Requester steps need `sharing-request.create`
 * on the requesting organisation, decisions `sharing-request.approve` on the owner (403 otherwise).
 */
export function registerSharingRequestRoutes(app: ApiApp, catalog: Catalog): void {
  const tags = ['sharing requests'];
  const requests = catalog.sharingRequests;

  app.get(
    '/catalog/sharing-requests',
    {
      schema: {
        tags,
        operationId: 'listSharingRequests',
        summary: 'A queue: requests my organisations made (role=requester) or must decide (role=owner)',
        description:
          'overdue=true keeps undecided requests past their due date: 2 working days after the ' +
          '(re)submission day (Decree 194/2025/NĐ-CP), in the working calendar the steering secretariat keeps.',
        querystring: SharingRequestListQuery,
        response: withProblems({ 200: SharingRequestPage }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const action = request.query.role === 'owner' ? 'sharing-request.approve' : 'sharing-request.create';
      return requests.list(request.query, organisationScope(actor, action));
    },
  );

  app.post(
    '/catalog/sharing-requests',
    {
      schema: {
        tags,
        operationId: 'createSharingRequest',
        summary: 'Ask for a data service (or a dataset’s services) for one of your systems',
        body: SharingRequestInput,
        response: withProblems({ 201: SharingRequestView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'sharing-request.create', request.body.requester);
      return reply.code(201).send(await requests.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/catalog/sharing-requests/:id',
    {
      schema: {
        tags,
        operationId: 'getSharingRequest',
        summary: 'One request with its messages',
        params: RequestParams,
        response: withProblems({ 200: SharingRequestView }),
      },
    },
    async (request) => partyRequest(catalog, actorOf(request), request.params.id),
  );

  app.patch(
    '/catalog/sharing-requests/:id',
    {
      schema: {
        tags,
        operationId: 'updateSharingRequest',
        summary: 'Change a draft, or a request sent back for changes',
        params: RequestParams,
        body: SharingRequestPatch,
        response: withProblems({ 200: SharingRequestView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const current = await requests.get(request.params.id);
      authorize(actor, 'sharing-request.create', current.requester);
      return requests.update(auditActorOf(actor), current.id, request.body);
    },
  );

  app.post(
    '/catalog/sharing-requests/:id/submit',
    {
      schema: {
        tags,
        operationId: 'submitSharingRequest',
        summary: 'Submit a draft, or resubmit after changes were asked',
        params: RequestParams,
        response: withProblems({ 200: SharingRequestView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const current = await requests.get(request.params.id);
      authorize(actor, 'sharing-request.create', current.requester);
      return requests.submit(auditActorOf(actor), current.id);
    },
  );

  app.post(
    '/catalog/sharing-requests/:id/messages',
    {
      schema: {
        tags,
        operationId: 'addSharingRequestMessage',
        summary: 'Add a message to a request (either party)',
        params: RequestParams,
        body: MessageInput,
        response: withProblems({ 201: SharingRequestView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const current = await partyRequest(catalog, actor, request.params.id);
      return reply.code(201).send(await requests.addMessage(auditActorOf(actor), current.id, request.body));
    },
  );

  const decision = (
    path: string,
    operationId: string,
    summary: string,
    body: typeof ReasonInput | typeof RefusalInput | typeof ApprovalInput,
    run: (actor: Actor, id: string, input: never) => Promise<SharingRequestView>,
  ) =>
    app.post(
      `/catalog/sharing-requests/:id/${path}`,
      {
        schema: {
          tags,
          operationId,
          summary,
          params: RequestParams,
          body,
          response: withProblems({ 200: SharingRequestView }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const current = await requests.get(request.params.id);
        // Only the owner organisation's administrators decide: anyone else is refused with 403.
        authorize(actor, 'sharing-request.approve', current.owner);
        return run(actor, current.id, request.body as never);
      },
    );

  decision(
    'request-changes',
    'requestSharingRequestChanges',
    'Send a request back to the requester with what to change',
    ReasonInput,
    (a, id, input) => requests.requestChanges(auditActorOf(a), id, input),
  );
  decision(
    'approve',
    'approveSharingRequest',
    'Approve: creates the grant(s) in the registry, expiring after the requested duration',
    ApprovalInput,
    (a, id, input) => requests.approve(auditActorOf(a), id, input),
  );
  decision(
    'refuse',
    'refuseSharingRequest',
    'Refuse a request, with written reasons and their legal basis (both required)',
    RefusalInput,
    (a, id, input) => requests.refuse(auditActorOf(a), id, input),
  );
  decision(
    'revoke',
    'revokeSharingRequest',
    'Revoke an approval: its grants are deleted; the exchange refuses from the next snapshot on',
    ReasonInput,
    (a, id, input) => requests.revoke(auditActorOf(a), id, input),
  );
}
