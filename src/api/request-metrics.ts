import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

/**
 * Times every admin API answer into `cang_admin_request_duration_seconds{method,route,status}`. The route is
 * the matched pattern (`/api/v1/organisations/:id`), never the path asked for, so callers cannot grow the
 * set of series; a request no route matched counts as `unmatched`.
 */
export function installRequestMetrics(app: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'cang_admin_request_duration_seconds',
    help: 'Time the admin API took to answer, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.labels(request.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
  });
}
