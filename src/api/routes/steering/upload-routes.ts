import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CangError } from '../../../core/index.js';
import { type Actor, auditActorOf, authorize, isAllowed } from '../../../identity/index.js';
import {
  type ImportReport,
  type IndicatorCommands,
  type TaskImportReport,
  XLSX_MEDIA_TYPE as XLSX,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';
import {
  TaskImportBody,
  TaskImportQuery,
  TaskImportReportView,
  ValueImportBody,
  ValueImportQuery,
  ValueImportReportView,
} from './upload-schemas.js';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const INDICATOR_TAGS = ['steering indicators'];

/** An uploaded .xlsx file: the raw request body, or JSON carrying it in base64. */
type UploadBody = Buffer | { readonly fileBase64: string; readonly acceptValid?: boolean };

/**
 * The file and the `acceptValid` option of an upload: from a raw .xlsx body (the option in the query)
 * or from JSON (the option in the body, else in the query).
 */
function uploadOf(body: UploadBody, queryAcceptValid: boolean | undefined) {
  if (Buffer.isBuffer(body)) return { file: body, acceptValid: queryAcceptValid ?? false };
  return {
    file: Buffer.from(body.fileBase64, 'base64'),
    acceptValid: body.acceptValid ?? queryAcceptValid ?? false,
  };
}

/** The steering resource of a value for the unit, as `steering.report` checks it. */
const unitResource = (unit: string): string => `${unit}/indicators`;

/** Runs a value import for the actor: a unit reporter's rows for other units are refused row by row. */
async function importValues(
  indicators: IndicatorCommands,
  actor: Actor,
  upload: { file: Buffer; acceptValid: boolean },
): Promise<ImportReport> {
  if (!isAllowed(actor, 'steering.write') && !actor.roles.some((held) => held.role === 'unit-reporter')) {
    authorize(actor, 'steering.report');
  }
  const report = await indicators.importValues(auditActorOf(actor), upload.file, {
    acceptValid: upload.acceptValid,
    mayReport: (unit) => isAllowed(actor, 'steering.report', unitResource(unit)),
    // As on PUT …/values: verifying a value is the secretariat's, not the reporting unit's.
    mayVerify: (unit) => isAllowed(actor, 'steering.write', unitResource(unit)),
  });
  if (!report.committed) {
    const errors = report.rows.flatMap((row) =>
      row.reasons.map((reason) => ({
        pointer: `/rows/${row.row}${reason.pointer === '/' ? '' : reason.pointer}`,
        detail: reason.detail,
      })),
    );
    throw new CangError('validation-failed', 'No value was imported: some rows are refused', {
      errors: errors.length > 0 ? errors : [{ pointer: '/rows', detail: 'no row was accepted' }],
    });
  }
  return report;
}

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

/**
 * Every .xlsx upload of the steering workspace: a program's task import (secretariat: base64 JSON or
 * a raw .xlsx body) and the indicator value import (base64 JSON, or a raw body at `import.xlsx`).
 */
export function registerUploadRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  app.post(
    '/steering/indicators/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: INDICATOR_TAGS,
        operationId: 'importIndicatorValues',
        summary: 'Import values from an .xlsx file sent as base64 JSON',
        body: ValueImportBody,
        response: withProblems({ 200: ValueImportReportView }),
      },
    },
    async (request) => importValues(steering.indicators, actorOf(request), uploadOf(request.body, undefined)),
  );

  // Their own scope, so the raw .xlsx body parser touches no other route.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_r, body, done) =>
      done(null, body),
    );
    scope.post(
      '/steering/indicators/import.xlsx',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: INDICATOR_TAGS,
          operationId: 'importIndicatorValuesXlsx',
          summary: 'Import values from an .xlsx request body',
          querystring: ValueImportQuery,
          consumes: [XLSX],
          response: withProblems({ 200: ValueImportReportView }),
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body))
          throw new CangError('unsupported-media-type', `Send the file as ${XLSX}`);
        const upload = uploadOf(request.body, request.query.acceptValid);
        return importValues(steering.indicators, actorOf(request), upload);
      },
    );
    scope.post(
      '/steering/programs/:id/tasks/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Refused before the body is read: only the secretariat imports tasks.
        onRequest: async (request) => authorize(actorOf(request), 'steering.write'),
        schema: {
          tags: STEERING_TAGS,
          operationId: 'importTasks',
          summary: 'Import tasks from an .xlsx file (all or nothing unless acceptValid)',
          description:
            'Columns A–M: program code, group code, task code, title, expected output, lead unit, ' +
            'coordinating units (comma-separated), start, deadline, funding source, weight, status, ' +
            'progress. Send JSON {fileBase64, acceptValid} or the file itself as ' +
            `${XLSX} with ?acceptValid=true. A refused file answers 400 naming each row and column.`,
          params: SteeringIdParams,
          querystring: TaskImportQuery,
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
        const { file, acceptValid } = uploadOf(request.body as UploadBody, request.query.acceptValid);
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
}
