import { Type } from '@sinclair/typebox';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  AsOfQuery,
  DtiAssignmentInput,
  DtiCampaignInput,
  DtiCampaignItemParams,
  DtiCampaignParams,
  DtiCampaignSummary,
  DtiCampaignView,
  DtiEntryInput,
  DtiItemInput,
  DtiItemParams,
  DtiMethodInput,
  DtiMethodParams,
  DtiMethodView,
  DtiPublishedInput,
  DtiPublishedParams,
  DtiPublishedView,
  DtiScoreInput,
  DtiScoreView,
  DtiTrendYear,
  XLSX_MEDIA_TYPE as XLSX,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { getForReaders, listForReaders } from './read-routes.js';
import type { SteeringRouteDeps } from './steering-route-deps.js';

const BASE = '/steering/dti';
const tags = ['steering DTI'];
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** The steering resource of a campaign item, its unit first, so a unit reporter's scope can match it. */
const entryResource = (unit: string, year: number, item: string): string => `${unit}/dti/${year}/${item}`;

/**
 * `/api/v1/steering/dti…`: index methods as data (the secretariat enters components and points and
 * confirms them), the score of a year with its method, the yearly self-assessment campaign (the
 * secretariat assigns items; the responsible unit's reporter enters its value and evidence), its .xlsx
 * export, and the published results with their trend. Leaders and reporters read.
 */
export function registerDtiRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  const { dti } = steering;

  listForReaders(
    app,
    `${BASE}/methods`,
    {
      operationId: 'listDtiMethods',
      summary: 'The DTI methods and the years each serves',
      item: DtiMethodView,
    },
    () => dti.list(),
  );
  getForReaders(
    app,
    `${BASE}/methods/:code`,
    {
      operationId: 'getDtiMethod',
      summary: 'One DTI method with its indices and components',
      params: DtiMethodParams,
      response: DtiMethodView,
    },
    (request) => dti.get(request.params.code),
  );

  app.post(
    `${BASE}/methods`,
    {
      schema: {
        tags,
        operationId: 'createDtiMethod',
        summary: 'Record a new DTI method (a decision, its main indices and the years it serves)',
        description:
          'A method still in force from an earlier year is closed the year before; an overlap with a closed method is refused on /firstYear.',
        body: DtiMethodInput,
        response: withProblems({ 201: DtiMethodView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/${request.body.code}`);
      return reply.code(201).send(await dti.create(auditActorOf(actor), request.body));
    },
  );

  app.put(
    `${BASE}/methods/:code/items/:item`,
    {
      schema: {
        tags,
        operationId: 'putDtiItem',
        summary:
          'Enter a component, or the name, maximum points or weight of an item (unconfirmed until confirmed)',
        description:
          'Points above the main index’s maximum, or components adding up to more, are refused on /maxPoints.',
        params: DtiItemParams,
        body: DtiItemInput,
        response: withProblems({ 200: DtiMethodView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/${request.params.code}`);
      return dti.putItem(auditActorOf(actor), request.params.code, request.params.item, request.body);
    },
  );

  app.post(
    `${BASE}/methods/:code/components/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        operationId: 'importDtiComponents',
        summary:
          'Enter a method’s components from an .xlsx sheet (index, code, name, maximum points), all or nothing',
        params: DtiMethodParams,
        body: Type.Object(
          { fileBase64: Type.String({ minLength: 1, description: 'The .xlsx file, base64' }) },
          { additionalProperties: false },
        ),
        response: withProblems({ 200: Type.Object({ imported: Type.Integer(), method: DtiMethodView }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/${request.params.code}`);
      const file = Buffer.from(request.body.fileBase64, 'base64');
      return dti.importComponents(auditActorOf(actor), request.params.code, file);
    },
  );

  app.post(
    `${BASE}/methods/:code/confirm`,
    {
      schema: {
        tags,
        operationId: 'confirmDtiPoints',
        summary: 'Confirm every entered, unconfirmed point of a method (409 when none awaits)',
        params: DtiMethodParams,
        response: withProblems({ 200: DtiMethodView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/${request.params.code}`);
      return dti.confirmPoints(auditActorOf(actor), request.params.code);
    },
  );

  app.post(
    `${BASE}/score`,
    {
      schema: {
        tags,
        operationId: 'computeDti',
        summary: 'The provincial DTI of a year with the year’s method, from main-index points or values',
        description:
          'A year no method covers is refused on /year; points outside a maximum on /indices/{code}/points.',
        body: DtiScoreInput,
        response: withProblems({ 200: DtiScoreView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'steering.read');
      return dti.score(request.body);
    },
  );

  listForReaders(
    app,
    `${BASE}/campaigns`,
    {
      operationId: 'listDtiCampaigns',
      summary: 'The self-assessment campaigns, newest first',
      item: DtiCampaignSummary,
    },
    () => dti.campaigns.list(),
  );
  getForReaders(
    app,
    `${BASE}/campaigns/:year`,
    {
      operationId: 'getDtiCampaign',
      summary:
        'A campaign: every item with its unit, deadline, value, evidence and status; progress; the estimate',
      params: DtiCampaignParams,
      querystring: AsOfQuery,
      response: DtiCampaignView,
    },
    (request) => dti.campaigns.get(request.params.year, request.query.asOf),
  );

  app.post(
    `${BASE}/campaigns`,
    {
      schema: {
        tags,
        operationId: 'createDtiCampaign',
        summary: 'Open the self-assessment campaign of an assessment year with the year’s method',
        body: DtiCampaignInput,
        response: withProblems({ 201: DtiCampaignView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/campaigns/${request.body.year}`);
      return reply.code(201).send(await dti.campaigns.create(auditActorOf(actor), request.body));
    },
  );

  app.post(
    `${BASE}/campaigns/:year/assignments`,
    {
      schema: {
        tags,
        operationId: 'assignDtiItem',
        summary: 'Assign (or reassign) an item of the method to a responsible unit with a deadline',
        description:
          'An item the method does not define is refused on /itemCode, a unit that has ended on /unitId.',
        params: DtiCampaignParams,
        body: DtiAssignmentInput,
        response: withProblems({ 200: DtiCampaignView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/campaigns/${request.params.year}`);
      return dti.campaigns.assign(auditActorOf(actor), request.params.year, request.body);
    },
  );

  app.put(
    `${BASE}/campaigns/:year/items/:item/entry`,
    {
      schema: {
        tags,
        operationId: 'enterDtiItem',
        summary: 'The responsible unit’s value (points or 0–1) and evidence for its item',
        description:
          'Only the secretariat and the reporters of the unit the item is assigned to may enter it.',
        params: DtiCampaignItemParams,
        body: DtiEntryInput,
        response: withProblems({ 200: DtiCampaignView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Readers see the campaign anyway; who may enter depends on the unit the item is assigned to.
      authorize(actor, 'steering.read');
      const { year, item } = request.params;
      const unit = await dti.campaigns.assignedUnit(year, item);
      authorize(actor, 'steering.report', entryResource(unit, year, item));
      return dti.campaigns.enter(auditActorOf(actor), year, item, request.body);
    },
  );

  app.get(
    `${BASE}/campaigns/:year/xlsx`,
    {
      schema: {
        tags,
        operationId: 'exportDtiCampaignXlsx',
        summary:
          'A campaign as .xlsx: item, responsible unit, value, evidence, status (layout in the operator guide)',
        params: DtiCampaignParams,
        querystring: AsOfQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'steering.read');
      const file = await dti.exportCampaign(request.params.year, request.query.asOf);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  listForReaders(
    app,
    `${BASE}/published`,
    {
      operationId: 'listDtiPublished',
      summary: 'The city’s published DTI results by year',
      item: DtiPublishedView,
    },
    () => dti.published(),
  );
  app.put(
    `${BASE}/published/:year`,
    {
      schema: {
        tags,
        operationId: 'putDtiPublished',
        summary: 'Record the published DTI result of a year',
        params: DtiPublishedParams,
        body: DtiPublishedInput,
        response: withProblems({ 200: DtiPublishedView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write', `dti/published/${request.params.year}`);
      return dti.putPublished(auditActorOf(actor), request.params.year, request.body);
    },
  );
  listForReaders(
    app,
    `${BASE}/trend`,
    {
      operationId: 'listDtiTrend',
      summary: 'Published results and campaign estimates by year, with rank',
      item: DtiTrendYear,
    },
    () => dti.trend(),
  );
}
