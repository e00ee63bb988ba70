import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AdminApiDeps, AdminTimeouts, ApiApp } from './admin-api-deps.js';
import { authenticateRequest } from './authenticate.js';
import { registerCatalogRoutes, registerOpenDataRoutes } from './routes/catalog/register-catalog-routes.js';
import { registerConsole } from './console-static.js';
import { installErrorBoundary } from './error-boundary.js';
import { ProblemSchema } from './problem-schema.js';
import { installRequestMetrics } from './request-metrics.js';
import { installSecurityHeaders } from './security-headers.js';
import { registerApiTokenRoutes } from './routes/api-token-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerFederationTrafficRoutes } from './routes/federation-traffic-routes.js';
import { registerRegistryRoutes } from './routes/registry-routes.js';
import { registerLogRoutes } from './routes/log-routes.js';
import { registerLoginRoute, registerSessionRoutes } from './routes/session-routes.js';
import { registerSnapshotRoutes } from './routes/snapshot-routes.js';
import { registerSteeringRoutes } from './routes/steering/index.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { validationProblem } from './validation-problems.js';

/** Default largest request body: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Default limits on slow clients. */
export const DEFAULT_ADMIN_TIMEOUTS: AdminTimeouts = {
  requestMs: 30_000,
  idleMs: 60_000,
  checkEveryMs: 1_000,
};

/**
 * Builds the admin API (`/api/v1`, OpenAPI 3.1 at `/api/openapi.json`, docs at `/api/docs`) without
 * listening. Every route reads authenticate → validate → authorize → registry or identity → present.
 *
 * @example
 * const app = await createAdminApi({ store, identity, registry, snapshotPublisher });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export async function createAdminApi(deps: AdminApiDeps): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_ADMIN_TIMEOUTS, ...deps.timeouts };
  const base = Fastify({
    // A client that sends its request slowly, or holds a connection open doing nothing, is cut off.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    http: { connectionsCheckingInterval: timeouts.checkEveryMs, headersTimeout: timeouts.requestMs },
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Named proxies only (proxy-addr checks the peer before reading X-Forwarded-For or -Proto).
    trustProxy: deps.trustProxy === undefined ? false : [...deps.trustProxy],
    // Report every bad field at once; reject unknown fields instead of silently dropping them.
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
    schemaErrorFormatter: (errors, dataVar) => validationProblem(errors, dataVar),
  });
  const app: ApiApp = base.withTypeProvider<TypeBoxTypeProvider>();
  installErrorBoundary(base);
  installSecurityHeaders(base);
  if (deps.metricsRegistry !== undefined) installRequestMetrics(base, deps.metricsRegistry);
  app.decorateRequest('actor', null);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cảng admin API',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Registry, identity and configuration of Cảng. Every error is a problem document (RFC 9457).',
      },
      // Relative to where the document is served: the admin port that answers it.
      servers: [{ url: '/', description: 'The admin port serving this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token cangu_…' },
          node: {
            type: 'http',
            scheme: 'Cang-Node',
            description: "A request signed with a registered exchange node's key (docs/exchange-protocol.md)",
          },
        },
        schemas: { Problem: ProblemSchema },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, deps);
  await app.register(
    async (api) => {
      registerLoginRoute(api, deps);
      if (deps.catalog) registerOpenDataRoutes(api, deps.catalog, deps.publicUrl);
      registerSnapshotRoutes(api, deps);
      // The authenticated scope: its hook runs before the body is parsed or validated.
      await api.register(async (authenticated) => {
        authenticated.addHook('onRequest', async (request) => {
          request.actor = await authenticateRequest(deps.identity, request);
        });
        registerSessionRoutes(authenticated, deps);
        registerUserRoutes(authenticated, deps);
        registerApiTokenRoutes(authenticated, deps);
        registerAuditRoutes(authenticated, deps);
        registerRegistryRoutes(authenticated, deps);
        if (deps.steering !== undefined) registerSteeringRoutes(authenticated, { steering: deps.steering });
        registerLogRoutes(authenticated, deps);
        registerFederationTrafficRoutes(authenticated, deps);
        if (deps.catalog) registerCatalogRoutes(authenticated, deps.catalog);
      });
    },
    { prefix: '/api/v1' },
  );
  registerConsole(app, deps.consoleDir);
  return base;
}
