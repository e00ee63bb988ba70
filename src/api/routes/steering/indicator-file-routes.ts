import { authorize } from '../../../identity/index.js';
import { type IndicatorCommands, XLSX_MEDIA_TYPE as XLSX } from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { PeriodParams, ScoreQuery } from './indicator-route-schemas.js';

const BASE = '/steering/indicators';
const tags = ['steering indicators'];

/** The scoreboard of a period as an .xlsx download (the value import is an upload route). */
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
}
