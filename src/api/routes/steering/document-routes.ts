import { Type } from '@sinclair/typebox';
import { withoutMarks } from '../../../core/index.js';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  AttachmentInput,
  AttachmentView,
  DocumentInput,
  DocumentQuery,
  DocumentView,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';
import { getForReaders, listForReaders } from './read-routes.js';

// 10 MiB of file is about 13.4 MiB of base64; leave room for the JSON around it.
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

/** `/api/v1/steering/documents…` and `/api/v1/steering/attachments…`. */
export function registerDocumentRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  listForReaders(
    app,
    '/steering/documents',
    {
      operationId: 'listDocuments',
      summary: 'Documents by date',
      querystring: DocumentQuery,
      item: DocumentView,
    },
    (request) => steering.documents.list(request.query),
  );

  app.post(
    '/steering/documents',
    {
      schema: {
        tags,
        operationId: 'createDocument',
        summary: 'Record a document',
        body: DocumentInput,
        response: withProblems({ 201: DocumentView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply.code(201).send(await steering.documents.create(auditActorOf(actor), request.body));
    },
  );

  getForReaders(
    app,
    '/steering/documents/:id',
    { operationId: 'getDocument', summary: 'One document', params: SteeringIdParams, response: DocumentView },
    (request) => steering.documents.get(request.params.id),
  );

  app.post(
    '/steering/attachments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'uploadAttachment',
        summary: 'Upload a file (PDF, DOCX, XLSX, PNG, JPEG; at most 10 MiB) as base64 JSON',
        description:
          'With unitId, a unit reporter of that unit may upload report evidence; without, the secretariat only.',
        body: AttachmentInput,
        response: withProblems({ 201: AttachmentView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { unitId } = request.body;
      if (unitId === undefined) authorize(actor, 'steering.write');
      else authorize(actor, 'steering.report', `${unitId}/attachments`);
      return reply.code(201).send(await steering.attachments.upload(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/steering/attachments/:id',
    {
      schema: {
        tags,
        operationId: 'downloadAttachment',
        summary: 'Download a file',
        params: SteeringIdParams,
        response: withProblems({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file’s bytes' }),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.read');
      const { view, bytes } = await steering.attachments.download(request.params.id);
      // A unit's evidence is its reporters' until a report citing it is accepted, as its reports are.
      if (view.unitId !== null && !(await steering.attachments.isAcceptedEvidence(view.id)))
        authorize(actor, 'steering.report.read', `${view.unitId}/attachments`);
      // RFC 6266 with an RFC 8187 UTF-8 file name, since Vietnamese names are not ASCII.
      const ascii = withoutMarks(view.fileName)
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\]/g, '_');
      return reply
        .type(view.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(view.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(view.sha256, 'hex').toString('base64')}`)
        .send(bytes);
    },
  );
}
