import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CangError } from '../../../core/index.js';
import { type Actor, auditActorOf, authorize, isAllowed } from '../../../identity/index.js';
import type { ImportReport, IndicatorCommands } from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import {
  ImportBody,
  ImportQuery,
  ImportReportView,
  PeriodParams,
  ScoreQuery,
} from './indicator-route-schemas.js';

const BASE = '/steering/indicators';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const tags = ['steering indicators'];

/** The steering resource of a value for the unit, as `steering.report` checks it. */
const unitResource = (unit: string): string => `${unit}/indicators`;

/** Runs an import for the actor: a unit reporter's rows for other units are refused row by row. */
async function runImport(
  indicators: IndicatorCommands,
  actor: Actor,
  file: Uint8Array,
  acceptValid: boolean,
): Promise<ImportReport> {
  if (!isAllowed(actor, 'steering.write') && !actor.roles.some((held) => held.role === 'unit-reporter')) {
    authorize(actor, 'steering.report');
  }
  const report = await indicators.importValues(auditActorOf(actor), file, {
    acceptValid,
    mayReport: (unit) => isAllowed(actor, 'steering.report', unitResource(unit)),
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

/** The spreadsheet routes: .xlsx import (base64 JSON or raw body) and the scoreboard export. */
export function registerIndicatorFileRoutes(app: ApiApp, indicators: IndicatorCommands): void {
  app.get(
    `${BASE}/scoreboard/:period/xlsx`,
    {
      schema: {
        tags,
        operationId: 'exportScoreboardXlsx',
        summary: 'The scoreboard of a period as .xlsx',
        params: PeriodParams,
        querystring: ScoreQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'steering.read');
      const { kind, unit } = request.query;
      const file = await indicators.exportScoreboard(request.params.period, {
        kind,
        unitIds: unit === undefined ? undefined : [unit],
      });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="bang-xep-hang-${request.params.period}.xlsx"`)
        .send(file);
    },
  );

  app.post(
    `${BASE}/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'importIndicatorValues',
        summary: 'Import values from an .xlsx file sent as base64 JSON',
        body: ImportBody,
        response: withProblems({ 200: ImportReportView }),
      },
    },
    async (request) => {
      const file = Buffer.from(request.body.fileBase64, 'base64');
      return runImport(indicators, actorOf(request), file, request.body.acceptValid ?? false);
    },
  );

  // The raw-body import lives in its own scope so its content-type parser touches no other route.
  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    raw.post(
      `${BASE}/import.xlsx`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          operationId: 'importIndicatorValuesXlsx',
          summary: 'Import values from an .xlsx request body',
          querystring: ImportQuery,
          consumes: [XLSX],
          response: withProblems({ 200: ImportReportView }),
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body))
          throw new CangError('unsupported-media-type', `Send the file as ${XLSX}`);
        return runImport(indicators, actorOf(request), request.body, request.query.acceptValid ?? false);
      },
    );
  });
}
