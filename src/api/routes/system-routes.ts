import { auditActorOf, authorize } from '../../identity/index.js';
import { ListQuery, SystemInput, SystemPage, SystemPatch, SystemView } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { NoContent, withProblems } from '../problem-schema.js';
import {
  ORGANISATION_PATH,
  OrganisationParams,
  organisationIdOf,
  SYSTEM_PATH,
  SystemParams,
  systemIdOf,
} from '../route-params.js';

/** `…/organisations/{instance}/{class}/{code}/systems[/{system}]`. */
export function registerSystemRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['systems'];

  app.get(
    `${ORGANISATION_PATH}/systems`,
    {
      schema: {
        tags,
        operationId: 'listSystems',
        summary: 'List an organisation’s information systems',
        params: OrganisationParams,
        querystring: ListQuery,
        response: withProblems({ 200: SystemPage }),
      },
    },
    async (request) => {
      const organisation = organisationIdOf(request.params);
      authorize(actorOf(request), 'system.read', organisation);
      return pageOut(await registry.systems.list(organisation, request.query));
    },
  );

  app.post(
    `${ORGANISATION_PATH}/systems`,
    {
      schema: {
        tags,
        operationId: 'createSystem',
        summary: 'Register an information system',
        params: OrganisationParams,
        body: SystemInput,
        response: withProblems({ 201: SystemView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const organisation = organisationIdOf(request.params);
      authorize(actor, 'system.create', `${organisation}/${request.body.code}`);
      return reply
        .code(201)
        .send(await registry.systems.create(auditActorOf(actor), organisation, request.body));
    },
  );

  app.get(
    SYSTEM_PATH,
    {
      schema: {
        tags,
        operationId: 'getSystem',
        summary: 'One information system',
        params: SystemParams,
        response: withProblems({ 200: SystemView }),
      },
    },
    async (request) => {
      const id = systemIdOf(request.params);
      authorize(actorOf(request), 'system.read', id);
      return registry.systems.get(id);
    },
  );

  app.patch(
    SYSTEM_PATH,
    {
      schema: {
        tags,
        operationId: 'updateSystem',
        summary: 'Rename an information system',
        params: SystemParams,
        body: SystemPatch,
        response: withProblems({ 200: SystemView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = systemIdOf(request.params);
      authorize(actor, 'system.update', id);
      return registry.systems.update(auditActorOf(actor), id, request.body);
    },
  );

  app.delete(
    SYSTEM_PATH,
    {
      schema: {
        tags,
        operationId: 'deleteSystem',
        summary: 'Remove an information system without services or grants',
        params: SystemParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = systemIdOf(request.params);
      authorize(actor, 'system.delete', id);
      await registry.systems.delete(auditActorOf(actor), id);
      return reply.code(204).send(null);
    },
  );
}
