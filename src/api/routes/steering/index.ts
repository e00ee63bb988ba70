import type { ApiApp } from '../../admin-api-deps.js';
import { registerCommitteeRoutes } from './committee-routes.js';
import { registerDocumentRoutes } from './document-routes.js';
import { registerDtiRoutes } from './dti-routes.js';
import { registerGapRoutes } from './gap-routes.js';
import { registerIndicatorRoutes } from './indicator-routes.js';
import { registerProgramRoutes } from './program-routes.js';
import { registerReportRoutes } from './report-routes.js';
import type { SteeringRouteDeps } from './steering-route-deps.js';
import { registerSteeringFileRoutes } from './steering-file-routes.js';
import { registerUnitRoutes } from './unit-routes.js';
import { registerUploadRoutes } from './upload-routes.js';
import { registerWorkingCalendarRoutes } from './working-calendar-routes.js';

export type { SteeringRouteDeps } from './steering-route-deps.js';

/** Every route of the steering workspace under `/api/v1/steering`. */
export function registerSteeringRoutes(app: ApiApp, deps: SteeringRouteDeps): void {
  registerUnitRoutes(app, deps);
  registerCommitteeRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerProgramRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerGapRoutes(app, deps);
  registerSteeringFileRoutes(app, deps);
  registerUploadRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerDtiRoutes(app, deps);
  registerWorkingCalendarRoutes(app, deps);
}
