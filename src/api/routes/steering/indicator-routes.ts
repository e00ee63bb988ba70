import { Type } from '@sinclair/typebox';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  type IndicatorCommands,
  IndicatorInput,
  IndicatorPatch,
  IndicatorView,
  SeriesView,
  TargetsInput,
  ValueInput,
  ValueQuery,
  ValueView,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import {
  CodeParams,
  MeasureView,
  PeriodParams,
  RankingView,
  ScoreboardView,
  ScoreQuery,
  SeriesParams,
  ValueParams,
} from './indicator-route-schemas.js';
import { registerIndicatorFileRoutes } from './indicator-file-routes.js';

/** What the indicator routes need: the steering workspace's indicator commands. */
export interface IndicatorRouteDeps {
  readonly steering: { readonly indicators: IndicatorCommands };
}

const BASE = '/steering/indicators';
const tags = ['steering indicators'];

/** The steering resource of a value: its unit first, so a unit reporter's scope can match it. */
const valueResource = (unit: string, code: string, period: string): string =>
  `${unit}/indicators/${code}/${period}`;

/**
 * `/api/v1/steering/indicators…`: indicators and targets (secretariat writes), values (a unit reporter
 * for its own unit only; 'verified' by the secretariat), measurement, scores with their explanation,
 * rankings, .xlsx import and the scoreboard export (the DTI is dti-routes.ts). Leaders read.
 */
export function registerIndicatorRoutes(app: ApiApp, deps: IndicatorRouteDeps): void {
  const { indicators } = deps.steering;

  app.get(
    BASE,
    {
      schema: {
        tags,
        operationId: 'listIndicators',
        summary: 'Every indicator with its targets',
        response: withProblems({ 200: Type.Object({ items: Type.Array(IndicatorView) }) }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return { items: await indicators.list() };
    },
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        operationId: 'createIndicator',
        summary: 'Define an indicator',
        body: IndicatorInput,
        response: withProblems({ 201: IndicatorView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `indicators/${request.body.code}`);
      return reply.code(201).send(await indicators.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    `${BASE}/values`,
    {
      schema: {
        tags,
        operationId: 'listIndicatorValues',
        summary: 'Values, filtered, one page at a time',
        querystring: ValueQuery,
        response: withProblems({
          200: Type.Object({
            items: Type.Array(ValueView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      const page = await indicators.listValues(request.query);
      return { items: [...page.items], nextCursor: page.nextCursor };
    },
  );

  app.get(
    `${BASE}/:code/series/:unit`,
    {
      schema: {
        tags,
        operationId: 'getIndicatorSeries',
        summary: 'A unit’s series of an indicator; before the unit existed, derived from its predecessors',
        description:
          'Derived points are computed on each read and never stored: counts are summed, rates averaged by recorded weights; a predecessor merged in part without a recorded share makes the point not available.',
        params: SeriesParams,
        response: withProblems({ 200: SeriesView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return indicators.series(request.params.code, request.params.unit);
    },
  );

  app.get(
    `${BASE}/:code`,
    {
      schema: {
        tags,
        operationId: 'getIndicator',
        summary: 'One indicator',
        params: CodeParams,
        response: withProblems({ 200: IndicatorView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return indicators.get(request.params.code);
    },
  );

  app.patch(
    `${BASE}/:code`,
    {
      schema: {
        tags,
        operationId: 'updateIndicator',
        summary: 'Change an indicator',
        params: CodeParams,
        body: IndicatorPatch,
        response: withProblems({ 200: IndicatorView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `indicators/${request.params.code}`);
      return indicators.update(auditActorOf(actor), request.params.code, request.body);
    },
  );

  app.put(
    `${BASE}/:code/targets`,
    {
      schema: {
        tags,
        operationId: 'replaceIndicatorTargets',
        summary: 'Replace the targets of an indicator',
        params: CodeParams,
        body: TargetsInput,
        response: withProblems({ 200: IndicatorView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `indicators/${request.params.code}`);
      return indicators.setTargets(auditActorOf(actor), request.params.code, request.body);
    },
  );

  app.put(
    `${BASE}/:code/values/:unit/:period`,
    {
      schema: {
        tags,
        operationId: 'recordIndicatorValue',
        summary: 'Record the value of an indicator for a unit and a period',
        params: ValueParams,
        body: ValueInput,
        response: withProblems({ 200: ValueView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { code, unit, period } = request.params;
      authorize(actor, 'steering.report', valueResource(unit, code, period));
      // Verifying a value is the secretariat's, not the reporting unit's.
      if (request.body.source === 'verified')
        authorize(actor, 'steering.write', valueResource(unit, code, period));
      return indicators.putValue(auditActorOf(actor), code, unit, period, request.body);
    },
  );

  app.post(
    `${BASE}/measure/:period`,
    {
      schema: {
        tags,
        operationId: 'measureIndicators',
        summary: 'Compute the measured indicators for a period',
        params: PeriodParams,
        response: withProblems({ 200: MeasureView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `indicators/measure/${request.params.period}`);
      return indicators.measure(auditActorOf(actor), request.params.period);
    },
  );

  app.get(
    `${BASE}/scores/:period`,
    {
      schema: {
        tags,
        operationId: 'listScores',
        summary: 'Scores of a period with the components of each',
        params: PeriodParams,
        querystring: ScoreQuery,
        response: withProblems({ 200: ScoreboardView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      const { kind, unit } = request.query;
      return indicators.scores(request.params.period, {
        kind,
        unitIds: unit === undefined ? undefined : [unit],
      });
    },
  );

  app.get(
    `${BASE}/ranking/:period`,
    {
      schema: {
        tags,
        operationId: 'getRanking',
        summary: 'Ranking of units for a period',
        params: PeriodParams,
        querystring: ScoreQuery,
        response: withProblems({ 200: RankingView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      const { kind, unit } = request.query;
      return indicators.ranking(request.params.period, {
        kind,
        unitIds: unit === undefined ? undefined : [unit],
      });
    },
  );

  registerIndicatorFileRoutes(app, indicators);
}
