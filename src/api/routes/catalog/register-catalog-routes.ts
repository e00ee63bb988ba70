import type { Catalog } from '../../../catalog/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { registerCatalogEntryRoutes } from './catalog-entry-routes.js';
import { registerSharingRequestRoutes } from './sharing-request-routes.js';
import { registerSubjectAccessRoutes } from './subject-access-routes.js';

export { registerOpenDataRoutes } from './open-data-routes.js';

/** Registers the catalog's routes that need a signed-in user (inside the authenticated scope). */
export function registerCatalogRoutes(app: ApiApp, catalog: Catalog): void {
  registerCatalogEntryRoutes(app, catalog);
  registerSharingRequestRoutes(app, catalog);
  registerSubjectAccessRoutes(app, catalog);
}
