import { Type } from '@sinclair/typebox';
import {
  type Catalog,
  SubjectAccessInput,
  SubjectAccessReport,
  subjectAccessCsv,
} from '../../../catalog/index.js';
import { auditActorOf, authorize } from '../../../identity/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';

const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })) },
  { additionalProperties: false },
);

/**
 * `/api/v1/catalog/subject-access`: which organisations' systems accessed data about a person. The
 * person's id travels in a POST body, never in a URL (which proxies and access logs keep); every
 * lookup is audited as `subject-access.read` with the keyed hash only.
 */
export function registerSubjectAccessRoutes(app: ApiApp, catalog: Catalog): void {
  const tags = ['data subject'];

  app.post(
    '/catalog/subject-access',
    {
      schema: {
        tags,
        operationId: 'searchSubjectAccess',
        summary: 'Who accessed data about a person, when and for what purpose',
        body: SubjectAccessInput,
        response: withProblems({ 200: SubjectAccessReport }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'subject-access.read');
      return catalog.subjectAccess.lookup(auditActorOf(actor), request.body);
    },
  );

  app.post(
    '/catalog/subject-access/export',
    {
      schema: {
        tags,
        operationId: 'exportSubjectAccess',
        summary: 'The same answer as a file to hand to the person: JSON or CSV',
        querystring: ExportQuery,
        body: SubjectAccessInput,
        response: withProblems({ 200: Type.String({ description: 'The file (JSON or CSV)' }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'subject-access.read');
      const format = request.query.format ?? 'json';
      const report = await catalog.subjectAccess.lookup(auditActorOf(actor), request.body, format);
      const name = `truy-cap-du-lieu-${report.generatedAt.slice(0, 10)}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(subjectAccessCsv(report));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(report, null, 2));
    },
  );
}
