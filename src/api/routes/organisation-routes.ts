import { auditActorOf, authorize } from '../../identity/index.js';
import {
  ListQuery,
  OrganisationInput,
  OrganisationPage,
  OrganisationPatch,
  OrganisationView,
} from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { ORGANISATION_PATH, OrganisationParams, organisationIdOf } from '../route-params.js';

/** `/api/v1/organisations[/{instance}/{class}/{code}]`. */
export function registerOrganisationRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['organisations'];

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        operationId: 'listOrganisations',
        summary: 'List organisations in id order',
        querystring: ListQuery,
        response: withProblems({ 200: OrganisationPage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'organisation.read');
      return pageOut(await registry.organisations.list(request.query));
    },
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        operationId: 'createOrganisation',
        summary: 'Register an organisation of this instance',
        body: OrganisationInput,
        response: withProblems({ 201: OrganisationView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { memberClass, code } = request.body;
      authorize(actor, 'organisation.create', `${registry.instance}/${memberClass}/${code}`);
      const created = await registry.organisations.create(auditActorOf(actor), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    ORGANISATION_PATH,
    {
      schema: {
        tags,
        operationId: 'getOrganisation',
        summary: 'One organisation',
        params: OrganisationParams,
        response: withProblems({ 200: OrganisationView }),
      },
    },
    async (request) => {
      const id = organisationIdOf(request.params);
      authorize(actorOf(request), 'organisation.read', id);
      return registry.organisations.get(id);
    },
  );

  app.patch(
    ORGANISATION_PATH,
    {
      schema: {
        tags,
        operationId: 'updateOrganisation',
        summary: 'Change an organisation’s name or codes',
        params: OrganisationParams,
        body: OrganisationPatch,
        response: withProblems({ 200: OrganisationView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = organisationIdOf(request.params);
      authorize(actor, 'organisation.update', id);
      return registry.organisations.update(auditActorOf(actor), id, request.body);
    },
  );

  app.delete(
    ORGANISATION_PATH,
    {
      schema: {
        tags,
        operationId: 'deleteOrganisation',
        summary: 'Remove an organisation without systems',
        params: OrganisationParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = organisationIdOf(request.params);
      authorize(actor, 'organisation.delete', id);
      await registry.organisations.delete(auditActorOf(actor), id);
      return reply.code(204).send(null);
    },
  );
}
