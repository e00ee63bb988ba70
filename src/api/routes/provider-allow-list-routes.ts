import { auditActorOf, authorize } from '../../identity/index.js';
import { ProviderAllowListInput, ProviderAllowListView } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { withProblems } from '../problem-schema.js';
import { ORGANISATION_PATH, OrganisationParams, organisationIdOf } from '../route-params.js';

const ALLOW_LIST_PATH = `${ORGANISATION_PATH}/provider-allow-list`;

/**
 * `…/organisations/{id}/provider-allow-list`: where the organisation's services may point without a
 * platform administrator, and which private addresses the exchange may reach for them. Read by the
 * organisation's administrators; replaced, whole, by platform administrators only.
 */
export function registerProviderAllowListRoutes(
  app: ApiApp,
  { registry }: Pick<AdminApiDeps, 'registry'>,
): void {
  const tags = ['organisations'];

  app.get(
    ALLOW_LIST_PATH,
    {
      schema: {
        tags,
        operationId: 'getProviderAllowList',
        summary: "The organisation's provider allow-list",
        params: OrganisationParams,
        response: withProblems({ 200: ProviderAllowListView }),
      },
    },
    async (request) => {
      const id = organisationIdOf(request.params);
      authorize(actorOf(request), 'provider-allow-list.read', id);
      return registry.providerAllowLists.get(id);
    },
  );

  app.put(
    ALLOW_LIST_PATH,
    {
      schema: {
        tags,
        operationId: 'replaceProviderAllowList',
        summary: "Replace the organisation's provider allow-list (platform administrators)",
        params: OrganisationParams,
        body: ProviderAllowListInput,
        response: withProblems({ 200: ProviderAllowListView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = organisationIdOf(request.params);
      authorize(actor, 'provider-allow-list.write', id);
      return registry.providerAllowLists.replace(auditActorOf(actor), id, request.body);
    },
  );
}
