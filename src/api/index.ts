/** api: the admin HTTP API (`/api/v1`, OpenAPI 3.1 at `/api/openapi.json`). */
export type { AdminApiDeps, ApiApp, SnapshotSource } from './admin-api-deps.js';
export { actorOf, CSRF_HEADER, CSRF_HEADER_VALUE } from './authenticate.js';
export { createAdminApi, DEFAULT_BODY_LIMIT } from './create-admin-api.js';
export { describeAdminApi, type OpenApiDocument } from './describe-admin-api.js';
export { NoContent, ProblemSchema, withProblems } from './problem-schema.js';
export { SESSION_COOKIE } from './session-cookie.js';
