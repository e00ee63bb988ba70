import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { authorize } from '../../../identity/index.js';
import {
  CalendarDate,
  type GeneratedFile,
  PeriodSchema,
  XLSX_MEDIA_TYPE as XLSX,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { mayReadReport } from './report-access.js';
import { STEERING_TAGS as tags, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';

const AsOf = Type.Optional(CalendarDate('Date of the computed fields; today in Hải Phòng by default'));
const ExportQuery = Type.Object({ asOf: AsOf }, { additionalProperties: false });
const PeriodQuery = Type.Object({ period: PeriodSchema, asOf: AsOf }, { additionalProperties: false });

/** Sends a generated file as a download (never cached: it holds the workspace's data). */
function sendFile(reply: FastifyReply, file: GeneratedFile, type: string, disposition = 'attachment') {
  return reply
    .type(type)
    .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

// The printable page needs no script, frame, form or remote resource; only its inline styles.
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * `/api/v1/steering/…` files: the task import of a program (secretariat: base64 JSON or a raw .xlsx
 * body), the program and period-report workbooks, and the committee's printable period report
 * (leaders and everyone who reads the workspace).
 */
export function registerSteeringFileRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  app.get(
    '/steering/programs/:id/xlsx',
    {
      schema: {
        tags,
        operationId: 'exportProgramXlsx',
        summary: 'A program with its groups and tasks as .xlsx (progress roll-up, overdue flags)',
        params: SteeringIdParams,
        querystring: ExportQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'steering.read');
      return sendFile(reply, await steering.files.exportProgram(request.params.id, request.query.asOf), XLSX);
    },
  );

  app.get(
    '/steering/reports/xlsx',
    {
      schema: {
        tags,
        operationId: 'exportReportsXlsx',
        summary: 'The reports of a period as .xlsx (status, submitted and accepted at, per-task progress)',
        querystring: PeriodQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.read');
      const { period, asOf } = request.query;
      const file = await steering.files.exportReports(period, asOf, (report) => mayReadReport(actor, report));
      return sendFile(reply, file, XLSX);
    },
  );

  app.get(
    '/steering/reports/print',
    {
      schema: {
        tags,
        operationId: 'printPeriodReport',
        summary: "The committee's printable report of a period (HTML, A4 print CSS, Vietnamese)",
        querystring: PeriodQuery,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'steering.read');
      const { period, asOf } = request.query;
      const page = await steering.files.quarterlyReport(period, asOf);
      reply.header('content-security-policy', PRINT_CSP);
      return sendFile(
        reply,
        { fileName: `bao-cao-ban-chi-dao-${period}.html`, content: Buffer.from(page, 'utf8') },
        'text/html; charset=utf-8',
        'inline',
      );
    },
  );
}
