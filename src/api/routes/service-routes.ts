import { Type } from '@sinclair/typebox';
import { CangError } from '../../core/index.js';
import { type Actor, auditActorOf, authorize, isAllowed } from '../../identity/index.js';
import {
  type BaseUrlOptions,
  ListQuery,
  ServiceInput,
  ServicePage,
  ServicePatch,
  ServiceView,
} from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { SYSTEM_PATH, ServiceParams, SystemParams, serviceIdOf, systemIdOf } from '../route-params.js';

const SERVICE_PATH = `${SYSTEM_PATH}/services/:service`;

/** Whether the actor's base URL must lie inside the organisation's provider allow-list. */
function baseUrlOptions(actor: Actor, serviceId: string): BaseUrlOptions {
  return { withinAllowList: !isAllowed(actor, 'service.base-url-outside-allow-list', serviceId) };
}

/** `…/systems/{system}/services[/{service}[/openapi]]`. */
export function registerServiceRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['services'];

  app.get(
    `${SYSTEM_PATH}/services`,
    {
      schema: {
        tags,
        operationId: 'listServices',
        summary: 'List a system’s services',
        params: SystemParams,
        querystring: ListQuery,
        response: withProblems({ 200: ServicePage }),
      },
    },
    async (request) => {
      const system = systemIdOf(request.params);
      authorize(actorOf(request), 'service.read', system);
      return pageOut(await registry.services.list(system, request.query));
    },
  );

  app.post(
    `${SYSTEM_PATH}/services`,
    {
      schema: {
        tags,
        operationId: 'createService',
        summary: 'Register a service',
        params: SystemParams,
        body: ServiceInput,
        response: withProblems({ 201: ServiceView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      const id = `${system}/${request.body.code}`;
      authorize(actor, 'service.create', id);
      return reply
        .code(201)
        .send(
          await registry.services.create(
            auditActorOf(actor),
            system,
            request.body,
            baseUrlOptions(actor, id),
          ),
        );
    },
  );

  app.get(
    SERVICE_PATH,
    {
      schema: {
        tags,
        operationId: 'getService',
        summary: 'One service',
        params: ServiceParams,
        response: withProblems({ 200: ServiceView }),
      },
    },
    async (request) => {
      const id = serviceIdOf(request.params);
      authorize(actorOf(request), 'service.read', id);
      return registry.services.get(id);
    },
  );

  app.get(
    `${SERVICE_PATH}/openapi`,
    {
      schema: {
        tags,
        operationId: 'getServiceOpenApi',
        summary: 'The provider’s OpenAPI document of the service',
        params: ServiceParams,
        response: withProblems({ 200: Type.Record(Type.String(), Type.Unknown()) }),
      },
    },
    async (request) => {
      const id = serviceIdOf(request.params);
      authorize(actorOf(request), 'service.read', id);
      const document = await registry.services.openapi(id);
      if (document === null) throw new CangError('not-found', 'The service has no OpenAPI document');
      return document;
    },
  );

  app.patch(
    SERVICE_PATH,
    {
      schema: {
        tags,
        operationId: 'updateService',
        summary: 'Change a service',
        params: ServiceParams,
        body: ServicePatch,
        response: withProblems({ 200: ServiceView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = serviceIdOf(request.params);
      authorize(actor, 'service.update', id);
      return registry.services.update(auditActorOf(actor), id, request.body, baseUrlOptions(actor, id));
    },
  );

  app.delete(
    SERVICE_PATH,
    {
      schema: {
        tags,
        operationId: 'deleteService',
        summary: 'Remove a service without grants',
        params: ServiceParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = serviceIdOf(request.params);
      authorize(actor, 'service.delete', id);
      await registry.services.delete(auditActorOf(actor), id);
      return reply.code(204).send(null);
    },
  );
}
