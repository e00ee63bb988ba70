import { authorize } from '../../../identity/index.js';
import { GapsQuery, GapsView } from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, type SteeringRouteDeps } from './steering-route-deps.js';

/** `GET /api/v1/steering/gaps`: units without committee or plan, overdue tasks, missing reports. */
export function registerGapRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  app.get(
    '/steering/gaps',
    {
      schema: {
        tags,
        operationId: 'listSteeringGaps',
        summary: 'Units without committee or plan, overdue tasks, and late or missing reports for a period',
        querystring: GapsQuery,
        response: withProblems({ 200: GapsView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return steering.gaps(request.query);
    },
  );
}
