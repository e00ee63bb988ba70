import { auditActorOf, authorize } from '../../identity/index.js';
import { ExternalPlatformInput, ExternalPlatformView } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { SYSTEM_PATH, SystemParams, systemIdOf } from '../route-params.js';

const PLATFORM_PATH = `${SYSTEM_PATH}/external-platform`;

/**
 * `…/systems/{system}/external-platform`: the API gateway that is not Cảng (OAuth2 client credentials or
 * an API key) which the system stands for. Its secret is written here and never read back.
 */
export function registerExternalPlatformRoutes(
  app: ApiApp,
  { registry }: Pick<AdminApiDeps, 'registry'>,
): void {
  const tags = ['external platforms'];

  app.get(
    PLATFORM_PATH,
    {
      schema: {
        tags,
        operationId: 'getExternalPlatform',
        summary: 'The external platform the system stands for, without its secret',
        params: SystemParams,
        response: withProblems({ 200: ExternalPlatformView }),
      },
    },
    async (request) => {
      const system = systemIdOf(request.params);
      authorize(actorOf(request), 'external-platform.read', system);
      return registry.externalPlatforms.get(system);
    },
  );

  app.put(
    PLATFORM_PATH,
    {
      schema: {
        tags,
        operationId: 'setExternalPlatform',
        summary: 'Bind the system to an external platform, or replace the binding and its secret',
        params: SystemParams,
        body: ExternalPlatformInput,
        response: withProblems({ 200: ExternalPlatformView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      authorize(actor, 'external-platform.write', system);
      const view = await registry.externalPlatforms.set(auditActorOf(actor), system, request.body);
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.delete(
    PLATFORM_PATH,
    {
      schema: {
        tags,
        operationId: 'deleteExternalPlatform',
        summary:
          "End the binding; the system's services are then forwarded without the platform's credential",
        params: SystemParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      authorize(actor, 'external-platform.write', system);
      await registry.externalPlatforms.delete(auditActorOf(actor), system);
      return reply.code(204).send(null);
    },
  );
}
