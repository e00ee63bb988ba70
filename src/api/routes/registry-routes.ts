import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { registerCredentialRoutes } from './credential-routes.js';
import { registerFederationRoutes } from './federation-routes.js';
import { registerExternalPlatformRoutes } from './external-platform-routes.js';
import { registerGrantRoutes } from './grant-routes.js';
import { registerNodeRoutes } from './node-routes.js';
import { registerOrganisationRoutes } from './organisation-routes.js';
import { registerProviderAllowListRoutes } from './provider-allow-list-routes.js';
import { registerServiceRoutes } from './service-routes.js';
import { registerSystemRoutes } from './system-routes.js';

/** The registry's routes: organisations, systems, services, credentials, external platforms, grants, nodes, federation. */
export function registerRegistryRoutes(
  app: ApiApp,
  deps: Pick<AdminApiDeps, 'registry' | 'anchorAuthority' | 'federationStatus'>,
): void {
  registerOrganisationRoutes(app, deps);
  registerProviderAllowListRoutes(app, deps);
  registerSystemRoutes(app, deps);
  registerServiceRoutes(app, deps);
  registerCredentialRoutes(app, deps);
  registerExternalPlatformRoutes(app, deps);
  registerGrantRoutes(app, deps);
  registerNodeRoutes(app, deps);
  registerFederationRoutes(app, deps);
}
