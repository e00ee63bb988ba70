import { auditActorOf, authorize, isAllowed } from '../../identity/index.js';
import { GrantInput, GrantListQuery, GrantPage, GrantView } from '../../registry/index.js';
import { CangError } from '../../core/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { IdParams } from '../route-params.js';

/**
 * `/api/v1/grants`. A grant belongs to its service's organisation: only that organisation's
 * administrators (and platform administrators) create or delete it. Reading needs a filter naming a
 * system or service of the reader's organisation, unless the reader is a platform administrator or
 * auditor; a grant is shown to both its provider and its client.
 */
export function registerGrantRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['grants'];

  app.get(
    '/grants',
    {
      schema: {
        tags,
        operationId: 'listGrants',
        summary: 'List grants, optionally of one client system and/or one service',
        querystring: GrantListQuery,
        response: withProblems({ 200: GrantPage }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { client, service } = request.query;
      const filters = [service, client].filter((f): f is string => f !== undefined);
      if (filters.length === 0) authorize(actor, 'grant.read');
      else if (!filters.some((filter) => isAllowed(actor, 'grant.read', filter))) {
        authorize(actor, 'grant.read', filters[0]);
      }
      return pageOut(await registry.grants.list(request.query));
    },
  );

  app.post(
    '/grants',
    {
      schema: {
        tags,
        operationId: 'createGrant',
        summary: 'Grant a client system access to a service',
        body: GrantInput,
        response: withProblems({ 201: GrantView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'grant.create', request.body.service);
      return reply.code(201).send(await registry.grants.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/grants/:id',
    {
      schema: {
        tags,
        operationId: 'getGrant',
        summary: 'One grant',
        params: IdParams,
        response: withProblems({ 200: GrantView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const grant = await registry.grants.get(request.params.id);
      if (!isAllowed(actor, 'grant.read', grant.service) && !isAllowed(actor, 'grant.read', grant.client)) {
        // Someone else's grant is answered as if it did not exist.
        throw new CangError('not-found', 'No such grant');
      }
      return grant;
    },
  );

  app.delete(
    '/grants/:id',
    {
      schema: {
        tags,
        operationId: 'deleteGrant',
        summary: 'Revoke a grant; the exchange refuses calls from the next snapshot on',
        params: IdParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const grant = await registry.grants.get(request.params.id);
      authorize(actor, 'grant.delete', grant.service);
      await registry.grants.delete(auditActorOf(actor), grant.id);
      return reply.code(204).send(null);
    },
  );
}
