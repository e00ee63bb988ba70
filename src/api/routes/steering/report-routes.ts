import { Type } from '@sinclair/typebox';
import { type Actor, auditActorOf, authorize } from '../../../identity/index.js';
import {
  AsOfQuery,
  type AuthoriseReport,
  PeriodSchema,
  ReportingStatusView,
  ReportInput,
  ReportPatch,
  ReportQuery,
  ReportView,
  ReturnInput,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { mayReadReport, reportResource } from './report-access.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import {
  ItemsOf,
  itemsOut,
  STEERING_TAGS as tags,
  SteeringIdParams,
  type SteeringRouteDeps,
} from './steering-route-deps.js';

/** Authorizes a unit's report action on the report a command reads (its unit never changes). */
const reportAuthorisation =
  (actor: Actor): AuthoriseReport =>
  (report) =>
    authorize(actor, 'steering.report', reportResource(report.unitId, report.period));

/**
 * `/api/v1/steering/reports…`: a unit reporter creates, edits and submits its own unit's reports;
 * the secretariat accepts or returns them; leaders read.
 */
export function registerReportRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  const ok = withProblems({ 200: ReportView });

  app.get(
    '/steering/reports',
    {
      schema: {
        tags,
        operationId: 'listReports',
        summary: 'Reports by period and unit',
        description:
          "A unit reporter sees its own unit's reports in every state, other units' accepted ones.",
        querystring: ReportQuery,
        response: withProblems({ 200: ItemsOf(ReportView) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.read');
      const reports = await steering.reports.list(request.query);
      return itemsOut(reports.filter((report) => mayReadReport(actor, report)));
    },
  );

  app.get(
    '/steering/reports/status',
    {
      schema: {
        tags,
        operationId: 'getReportingStatus',
        summary: 'Who reported for a period; late and missing reports (due 5 days after the period ends)',
        querystring: Type.Object(
          { period: PeriodSchema, ...AsOfQuery.properties },
          { additionalProperties: false },
        ),
        response: withProblems({ 200: ReportingStatusView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return steering.reportingStatus(request.query.period, request.query.asOf);
    },
  );

  app.post(
    '/steering/reports',
    {
      schema: {
        tags,
        operationId: 'createReport',
        summary: 'Start a draft report of a unit for a period',
        body: ReportInput,
        response: withProblems({ 201: ReportView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.report', reportResource(request.body.unitId, request.body.period));
      return reply.code(201).send(await steering.reports.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/steering/reports/:id',
    {
      schema: {
        tags,
        operationId: 'getReport',
        summary: 'One report',
        description: "A unit reporter reads another unit's report only once it is accepted (else 403).",
        params: SteeringIdParams,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.read');
      const report = await steering.reports.get(request.params.id);
      if (report.status !== 'accepted')
        authorize(actor, 'steering.report.read', reportResource(report.unitId, report.period));
      return report;
    },
  );

  app.patch(
    '/steering/reports/:id',
    {
      schema: {
        tags,
        operationId: 'updateReport',
        summary: 'Edit a draft or returned report',
        params: SteeringIdParams,
        body: ReportPatch,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return steering.reports.update(
        auditActorOf(actor),
        request.params.id,
        request.body,
        reportAuthorisation(actor),
      );
    },
  );

  app.post(
    '/steering/reports/:id/submit',
    {
      schema: {
        tags,
        operationId: 'submitReport',
        summary: 'Submit a draft or returned report',
        params: SteeringIdParams,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return steering.reports.submit(auditActorOf(actor), request.params.id, reportAuthorisation(actor));
    },
  );

  app.post(
    '/steering/reports/:id/accept',
    {
      schema: {
        tags,
        operationId: 'acceptReport',
        summary: 'Accept a submitted report; its progress goes to the tasks',
        params: SteeringIdParams,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.reports.accept(auditActorOf(actor), request.params.id);
    },
  );

  app.post(
    '/steering/reports/:id/return',
    {
      schema: {
        tags,
        operationId: 'returnReport',
        summary: 'Return a submitted report with a comment',
        params: SteeringIdParams,
        body: ReturnInput,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.reports.return(auditActorOf(actor), request.params.id, request.body);
    },
  );
}
