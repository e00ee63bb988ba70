import { Type } from '@sinclair/typebox';
import { CangError } from '../../core/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { storeAnswers } from '../../store/index.js';
import { withProblems } from '../problem-schema.js';

const Health = Type.Object({ status: Type.Literal('ok') });

/** `/health/live` (the process answers) and `/health/ready` (the store answers a query). */
export function registerHealthRoutes(app: ApiApp, { store }: Pick<AdminApiDeps, 'store'>): void {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        operationId: 'getLiveness',
        summary: 'Liveness',
        security: [],
        response: withProblems({ 200: Health }),
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        summary: 'Readiness: the store answers',
        security: [],
        response: withProblems({ 200: Health }),
      },
    },
    async (request) => {
      const ready = await storeAnswers(store, (error) => request.log.warn({ err: error }, 'store not ready'));
      if (!ready) throw new CangError('not-ready', 'The store does not answer');
      return { status: 'ok' as const };
    },
  );
}
