import { Type } from '@sinclair/typebox';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  AsOfQuery,
  UnitHistory,
  UnitId,
  UnitInput,
  UnitList,
  UnitListQuery,
  UnitView,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, type SteeringRouteDeps } from './steering-route-deps.js';

const UnitParams = Type.Object({ id: UnitId() });

/** `/api/v1/steering/units[/{id}[/history]]`: units valid on a date and their history. */
export function registerUnitRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  app.get(
    '/steering/units',
    {
      schema: {
        tags,
        operationId: 'listUnits',
        summary: 'The city’s units that exist on a date (names as they were then), optionally of one level',
        description:
          'Another province’s units from before it merged into the city (Hải Dương before 2025-07-01) only with includeFormerProvinces=true.',
        querystring: UnitListQuery,
        response: withProblems({ 200: UnitList }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      const asOf = request.query.asOf ?? steering.context.today();
      const { level, includeFormerProvinces } = request.query;
      return { asOf, items: await steering.units.list(asOf, { level, includeFormerProvinces }) };
    },
  );

  app.post(
    '/steering/units',
    {
      schema: {
        tags,
        operationId: 'createUnit',
        summary: 'Record a unit with its history',
        body: UnitInput,
        response: withProblems({ 201: UnitView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply.code(201).send(await steering.units.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/steering/units/:id',
    {
      schema: {
        tags,
        operationId: 'getUnit',
        summary: 'One unit',
        params: UnitParams,
        querystring: AsOfQuery,
        response: withProblems({ 200: UnitView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return steering.units.get(request.params.id, request.query.asOf);
    },
  );

  app.get(
    '/steering/units/:id/history',
    {
      schema: {
        tags,
        operationId: 'getUnitHistory',
        summary: 'A unit’s history, with that of the units merged or renamed into it',
        params: UnitParams,
        response: withProblems({ 200: UnitHistory }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      const history = await steering.units.history(request.params.id);
      return { unit: history.unit, predecessors: [...history.predecessors], events: [...history.events] };
    },
  );
}
