import { Type } from '@sinclair/typebox';
import { DateTimeView } from '../../core/index.js';
import { authorize } from '../../identity/index.js';
import { ListQuery, PageOf } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { listAuditEvents } from '../audit-query.js';
import { actorOf } from '../authenticate.js';
import { isoTime } from '../identity-presenters.js';
import { withProblems } from '../problem-schema.js';

const AuditEventView = Type.Object(
  {
    id: Type.String({ description: 'Event id (UUIDv7, sorts by time)' }),
    at: DateTimeView('When it happened'),
    actor: Type.String({ description: 'User id, or system:… for the platform itself' }),
    actorName: Type.Union([Type.String(), Type.Null()], { description: 'Username of the actor, if a user' }),
    action: Type.String({ examples: ['grant.create'] }),
    resource: Type.String({ examples: ['VN-HP/GOV/STP/HTTT-HOTICH/tra-cuu-khai-sinh'] }),
    details: Type.Unknown({ description: 'What changed (never secrets)' }),
    remoteAddress: Type.Union([Type.String(), Type.Null()], { description: 'Where the change came from' }),
  },
  { description: 'One entry of the audit trail' },
);

const AuditListQuery = Type.Object(
  {
    ...ListQuery.properties,
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Actor id' })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Exact action' })),
    resource: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 400,
        description: 'Resource id; matches everything under it too',
      }),
    ),
  },
  { additionalProperties: false },
);

/** `GET /api/v1/audit`: the audit trail, for platform administrators and auditors. */
export function registerAuditRoutes(app: ApiApp, { store }: Pick<AdminApiDeps, 'store'>): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'The audit trail, newest first; filter by actor, action or resource',
        querystring: AuditListQuery,
        response: withProblems({ 200: PageOf(AuditEventView) }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'audit.read');
      const page = await listAuditEvents(store, request.query);
      return { items: page.items.map((e) => ({ ...e, at: isoTime(e.at) })), nextCursor: page.nextCursor };
    },
  );
}
