import { Type } from '@sinclair/typebox';
import { CangError } from '../../core/index.js';
import { readTrafficStats, searchLog, verifyLog } from '../../exchange/index.js';
import { authorize } from '../../identity/index.js';
import { collectNodePublicKeys, ServiceIdSchema, SystemIdSchema } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { isoTime } from '../identity-presenters.js';
import { withProblems } from '../problem-schema.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const NullableString = Type.Union([Type.String(), Type.Null()]);

const LogQuery = Type.Object(
  {
    from: Type.Optional(Time('Earliest start time, inclusive')),
    to: Type.Optional(Time('Latest start time, exclusive')),
    client: Type.Optional(SystemIdSchema),
    service: Type.Optional(ServiceIdSchema),
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
    errorCode: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}$' })),
    id: Type.Optional(Type.String({ format: 'uuid', description: 'Transaction id (X-Cang-Id)' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

const LogItem = Type.Object({
  id: Type.String(),
  nodeId: Type.String(),
  seq: Type.Integer(),
  startedAt: Type.String({ format: 'date-time' }),
  durationMs: Type.Number(),
  clientId: NullableString,
  serviceId: NullableString,
  method: Type.String(),
  path: Type.String(),
  status: Type.Integer(),
  errorCode: NullableString,
  requestBytes: Type.Integer(),
  responseBytes: Type.Integer(),
  requestHash: NullableString,
  purpose: NullableString,
  traceId: NullableString,
  hash: Type.String(),
});

const VerifyView = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  seals: Type.Integer(),
  nodes: Type.Array(Type.String()),
  unsealed: Type.Record(Type.String(), Type.Integer()),
  firstBad: Type.Optional(Type.Object({ nodeId: Type.String(), seq: Type.Integer(), reason: Type.String() })),
  durationMs: Type.Number(),
});

const StatsQuery = Type.Object(
  {
    from: Type.Optional(Time('Start of the window, inclusive; default one hour ago')),
    to: Type.Optional(Time('End of the window, exclusive; default now')),
    service: Type.Optional(ServiceIdSchema),
    client: Type.Optional(SystemIdSchema),
  },
  { additionalProperties: false },
);

const StatRow = Type.Object({
  minute: Type.String({ format: 'date-time' }),
  clientId: NullableString,
  serviceId: NullableString,
  status: Type.Integer(),
  sample: Type.Boolean({
    description:
      'Calls with the sample purpose code MAU-MINH-HOA: real calls, of the sample data, left out of measured indicators',
  }),
  count: Type.Integer(),
  meanMs: Type.Number(),
  p50Ms: Type.Number(),
  p99Ms: Type.Number(),
});

const MAX_STATS_WINDOW_MS = 31 * 24 * 3_600_000;

function windowOf(
  query: { from?: string; to?: string },
  defaultSpanMs: number,
): { from: number; to: number } {
  const to = query.to ? Date.parse(query.to) : Date.now();
  const from = query.from ? Date.parse(query.from) : to - defaultSpanMs;
  if (from >= to) {
    throw new CangError('validation-failed', 'The window is empty', {
      errors: [{ pointer: '/from', detail: 'must be before to' }],
    });
  }
  return { from, to };
}

/** `/api/v1/log`, `/api/v1/log/verify` and `/api/v1/stats`: the exchange's log and traffic for operators. */
export function registerLogRoutes(
  app: ApiApp,
  { store, registry }: Pick<AdminApiDeps, 'store' | 'registry'>,
): void {
  app.get(
    '/log',
    {
      schema: {
        tags: ['log'],
        operationId: 'searchLog',
        summary: 'Search the transaction log, newest first',
        querystring: LogQuery,
        response: withProblems({
          200: Type.Object({ items: Type.Array(LogItem), nextCursor: NullableString }),
        }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'log.read');
      const q = request.query;
      const page = await searchLog(store, {
        ...(q.from ? { from: Date.parse(q.from) } : {}),
        ...(q.to ? { to: Date.parse(q.to) } : {}),
        ...(q.client ? { clientId: q.client } : {}),
        ...(q.service ? { serviceId: q.service } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.errorCode ? { errorCode: q.errorCode } : {}),
        ...(q.id ? { id: q.id } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit ?? 50,
      });
      return {
        items: page.items.map((i) => ({ ...i, startedAt: isoTime(i.startedAt) })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/log/verify',
    {
      schema: {
        tags: ['log'],
        operationId: 'verifyLog',
        summary: "Walk every node's chain and check every seal with the node keys in the registry",
        response: withProblems({ 200: VerifyView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'log.verify');
      const started = performance.now();
      const result = await verifyLog({ store, publicKeys: await collectNodePublicKeys(registry.nodes) });
      return { ...result, durationMs: Math.round(performance.now() - started) };
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        tags: ['log'],
        operationId: 'getTrafficStats',
        summary: 'Per-minute traffic by client, service and status, with latency percentiles',
        querystring: StatsQuery,
        response: withProblems({ 200: Type.Object({ items: Type.Array(StatRow) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      // An organisation administrator may read its own services' traffic; the others read all.
      authorize(actorOf(request), 'stats.read', q.service);
      const { from, to } = windowOf(q, 3_600_000);
      if (to - from > MAX_STATS_WINDOW_MS) {
        throw new CangError('validation-failed', 'The window is too long', {
          errors: [{ pointer: '/from', detail: 'the window may span at most 31 days' }],
        });
      }
      const rows = await readTrafficStats(store, {
        from,
        to,
        ...(q.service ? { serviceId: q.service } : {}),
        ...(q.client ? { clientId: q.client } : {}),
      });
      return {
        items: rows.map((r) => ({
          minute: isoTime(r.minute),
          clientId: r.clientId,
          serviceId: r.serviceId,
          status: r.status,
          sample: r.sample,
          count: r.count,
          meanMs: r.meanMs,
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
        })),
      };
    },
  );
}
