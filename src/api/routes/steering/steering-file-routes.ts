import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { CangError } from '../../../core/index.js';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  CalendarDate,
  type GeneratedFile,
  PeriodSchema,
  type TaskImportReport,
  XLSX_MEDIA_TYPE as XLSX,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** A task import as JSON: the .xlsx file in base64. */
const TaskImportBody = Type.Object(
  {
    fileBase64: Type.String({ minLength: 1, description: 'The .xlsx file, base64' }),
    acceptValid: Type.Optional(Type.Boolean({ description: 'Import the good rows even if some are bad' })),
  },
  { additionalProperties: false },
);
type TaskImportBody = { fileBase64: string; acceptValid?: boolean };

const ImportQuery = Type.Object(
  {
    acceptValid: Type.Optional(
      Type.Boolean({ description: 'Import the good rows even if some are bad (raw .xlsx body)' }),
    ),
  },
  { additionalProperties: false },
);

/** The report of a task import that committed. */
const TaskImportReportView = Type.Object({
  committed: Type.Boolean(),
  imported: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number as Excel shows it' }),
      code: Type.String({ description: 'Task code of the row' }),
      ok: Type.Boolean(),
      taskId: Type.Union([Type.String(), Type.Null()], { description: 'The task created from the row' }),
      reasons: Type.Array(
        Type.Object({
          pointer: Type.String({ examples: ['/deadline'] }),
          column: Type.String({ description: 'Column letter', examples: ['I'] }),
          header: Type.String({ examples: ['Hạn hoàn thành'] }),
          detail: Type.String(),
        }),
      ),
    }),
  ),
});

const AsOf = Type.Optional(CalendarDate('Date of the computed fields; today in Hải Phòng by default'));
const ExportQuery = Type.Object({ asOf: AsOf }, { additionalProperties: false });
const PeriodQuery = Type.Object({ period: PeriodSchema, asOf: AsOf }, { additionalProperties: false });

/** Turns an import that wrote nothing into one problem naming every bad row and column. */
function requireCommitted(report: TaskImportReport): TaskImportReport {
  if (report.committed) return report;
  const errors = report.rows.flatMap((row) =>
    row.reasons.map((reason) => ({
      pointer: `/rows/${row.row}${reason.pointer === '/' ? '' : reason.pointer}`,
      detail:
        reason.column === ''
          ? `Dòng ${row.row}: ${reason.detail}`
          : `Dòng ${row.row}, cột ${reason.column} (${reason.header}): ${reason.detail}`,
    })),
  );
  throw new CangError('validation-failed', 'No task was imported: some rows are refused', {
    errors: errors.length > 0 ? errors : [{ pointer: '/rows', detail: 'no row was accepted' }],
  });
}

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
  // Its own scope, so the raw .xlsx body parser touches no other route.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_r, body, done) =>
      done(null, body),
    );
    scope.post(
      '/steering/programs/:id/tasks/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Refused before the body is read: only the secretariat imports tasks.
        onRequest: async (request) => authorize(actorOf(request), 'steering.write'),
        schema: {
          tags,
          operationId: 'importTasks',
          summary: 'Import tasks from an .xlsx file (all or nothing unless acceptValid)',
          description:
            'Columns A–M: program code, group code, task code, title, expected output, lead unit, ' +
            'coordinating units (comma-separated), start, deadline, funding source, weight, status, ' +
            'progress. Send JSON {fileBase64, acceptValid} or the file itself as ' +
            `${XLSX} with ?acceptValid=true. A refused file answers 400 naming each row and column.`,
          params: SteeringIdParams,
          querystring: ImportQuery,
          body: {
            content: {
              'application/json': { schema: TaskImportBody },
              [XLSX]: { schema: Type.Unknown({ description: 'The .xlsx file' }) },
            },
          },
          response: withProblems({ 200: TaskImportReportView }),
        },
      },
      async (request) => {
        const body = request.body as Buffer | TaskImportBody;
        const raw = Buffer.isBuffer(body);
        const file = raw ? body : Buffer.from(body.fileBase64, 'base64');
        const acceptValid = (raw ? undefined : body.acceptValid) ?? request.query.acceptValid ?? false;
        const report = await steering.files.importTasks(
          auditActorOf(actorOf(request)),
          request.params.id,
          file,
          { acceptValid },
        );
        return requireCommitted(report);
      },
    );
  });

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
      authorize(actorOf(request), 'steering.read');
      const { period, asOf } = request.query;
      return sendFile(reply, await steering.files.exportReports(period, asOf), XLSX);
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
