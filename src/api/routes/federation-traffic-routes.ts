import { Type } from '@sinclair/typebox';
import { readPartnerTraffic } from '../../exchange/index.js';
import { authorize } from '../../identity/index.js';
import { SEGMENT_PATTERN_SOURCE } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { isoTime } from '../identity-presenters.js';
import { withProblems } from '../problem-schema.js';

const MINUTE_MS = 60_000;

const TrafficParams = Type.Object({
  partner: Type.String({ pattern: SEGMENT_PATTERN_SOURCE, description: 'Partner instance, e.g. VN' }),
});
const TrafficQuery = Type.Object(
  {
    minutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1440,
        default: 60,
        description: 'The window: this many minutes up to now (at most a day)',
      }),
    ),
  },
  { additionalProperties: false },
);
const Direction = (description: string) =>
  Type.Object(
    {
      calls: Type.Integer({ minimum: 0 }),
      refused: Type.Integer({
        minimum: 0,
        description: 'Calls answered with a status of 400 or more: refused by either instance, or failed',
      }),
      sample: Type.Integer({
        minimum: 0,
        description: 'Calls with the sample purpose code MAU-MINH-HOA, counted in calls too',
      }),
      lastCallAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'When the latest call of the window started; null when there was none',
      }),
    },
    { description },
  );
const PartnerTrafficView = Type.Object({
  partner: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  outbound: Direction('Calls of our systems to the partner’s services'),
  inbound: Direction('Calls of the partner’s systems to our services'),
  minutes: Type.Array(
    Type.Object({
      minute: Type.String({ format: 'date-time' }),
      outbound: Type.Integer({ minimum: 0 }),
      inbound: Type.Integer({ minimum: 0 }),
    }),
    { description: 'The minutes with traffic either way, oldest first' },
  ),
});

/**
 * `GET /api/v1/federation/partners/{partner}/traffic`: the calls out to a partner and in from it over a
 * recent window, from every node's log. It spans every organisation's services, so it is for those who
 * read the federation and all traffic (an organisation administrator reads only its own, at `/stats`).
 */
export function registerFederationTrafficRoutes(
  app: ApiApp,
  deps: Pick<AdminApiDeps, 'registry' | 'store'>,
): void {
  app.get(
    '/federation/partners/:partner/traffic',
    {
      schema: {
        tags: ['federation'],
        operationId: 'getFederationPartnerTraffic',
        summary: 'The calls out to a partner and in from it over a recent window',
        params: TrafficParams,
        querystring: TrafficQuery,
        response: withProblems({ 200: PartnerTrafficView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.read');
      authorize(actor, 'stats.read');
      const { instance } = await deps.registry.federation.partners.get(request.params.partner);
      const to = Date.now();
      const from = to - (request.query.minutes ?? 60) * MINUTE_MS;
      const traffic = await readPartnerTraffic(deps.store, { partner: instance, from, to });
      const direction = (d: typeof traffic.outbound) => ({
        calls: d.calls,
        refused: d.refused,
        sample: d.sample,
        lastCallAt: d.lastCallAt === null ? null : isoTime(d.lastCallAt),
      });
      return {
        partner: instance,
        from: isoTime(from),
        to: isoTime(to),
        outbound: direction(traffic.outbound),
        inbound: direction(traffic.inbound),
        minutes: traffic.minutes.map((m) => ({
          minute: isoTime(m.minute),
          outbound: m.outbound,
          inbound: m.inbound,
        })),
      };
    },
  );
}
