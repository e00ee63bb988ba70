import { Type } from '@sinclair/typebox';
import { CangError } from '../../core/index.js';
import { auditActorOf, authorize } from '../../identity/index.js';
import {
  AnchorInput,
  AnchorView,
  ListQuery,
  NO_FEDERATION_STATUS,
  OfferInput,
  OfferPage,
  OfferView,
  OutboundInput,
  OutboundPage,
  OutboundView,
  PartnerPage,
  PartnerStatusView,
  PartnerView,
  SEGMENT_PATTERN_SOURCE,
} from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { ServiceParams, SystemParams, serviceIdOf, systemIdOf } from '../route-params.js';

const PartnerParams = Type.Object({
  partner: Type.String({ pattern: SEGMENT_PATTERN_SOURCE, description: 'Partner instance, e.g. VN' }),
});
const PARTNER_PATH = '/federation/partners/:partner';
const OfferParams = Type.Object({ ...PartnerParams.properties, ...ServiceParams.properties });
const OutboundParams = Type.Object({ ...PartnerParams.properties, ...SystemParams.properties });
const isoOrNull = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/**
 * `/api/v1/federation/…`: this instance's anchor, the partners trusted from theirs, what is offered to
 * each, which local systems may call out to each, and how fetching each partner's configuration goes.
 * Trust and the outbound policy are the platform administrator's; an organisation administrator offers
 * its own services (and grants a partner's systems through `/grants`).
 */
export function registerFederationRoutes(
  app: ApiApp,
  deps: Pick<AdminApiDeps, 'registry' | 'anchorAuthority' | 'federationStatus'>,
): void {
  const { registry } = deps;
  const federation = deps.federationStatus ?? NO_FEDERATION_STATUS;
  const tags = ['federation'];

  app.get(
    '/federation/anchor',
    {
      schema: {
        tags,
        operationId: 'exportFederationAnchor',
        summary: 'This instance’s configuration anchor, to hand to a partner out of band',
        response: withProblems({ 200: AnchorView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.trust');
      if (deps.anchorAuthority === undefined) {
        throw new CangError(
          'not-ready',
          'This process does not hold the registry key; export the anchor on an admin node',
        );
      }
      const anchor = await registry.federation.partners.exportAnchor(await deps.anchorAuthority());
      return { ...anchor, configurationUrls: [...anchor.configurationUrls] };
    },
  );

  app.get(
    '/federation/partners',
    {
      schema: {
        tags,
        operationId: 'listFederationPartners',
        summary: 'List the trusted partner instances',
        querystring: ListQuery,
        response: withProblems({ 200: PartnerPage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.read');
      return pageOut(await registry.federation.partners.list(request.query));
    },
  );

  app.post(
    '/federation/partners',
    {
      schema: {
        tags,
        operationId: 'addFederationPartner',
        summary:
          'Trust a partner instance from its configuration anchor (a new anchor of a partner replaces the old)',
        body: AnchorInput,
        response: withProblems({ 201: PartnerView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.trust');
      return reply.code(201).send(await registry.federation.partners.add(auditActorOf(actor), request.body));
    },
  );

  app.get(
    PARTNER_PATH,
    {
      schema: {
        tags,
        operationId: 'getFederationPartner',
        summary: 'One trusted partner',
        params: PartnerParams,
        response: withProblems({ 200: PartnerView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.read');
      return registry.federation.partners.get(request.params.partner);
    },
  );

  app.delete(
    PARTNER_PATH,
    {
      schema: {
        tags,
        operationId: 'removeFederationPartner',
        summary:
          'Stop trusting a partner: its offers, outbound policy, systems known here and grants to them go too',
        params: PartnerParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.trust');
      await registry.federation.partners.remove(auditActorOf(actor), request.params.partner);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${PARTNER_PATH}/status`,
    {
      schema: {
        tags,
        operationId: 'getFederationPartnerStatus',
        summary: 'How fetching a partner’s configuration goes, and the services and systems it shows us',
        params: PartnerParams,
        response: withProblems({ 200: PartnerStatusView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.read');
      const { instance } = await registry.federation.partners.get(request.params.partner);
      const status = federation.status(instance);
      const configuration = federation.current(instance);
      return {
        instance,
        state: configuration === undefined ? ('missing' as const) : ('valid' as const),
        version: configuration?.version ?? status?.version ?? null,
        fetchedAt: isoOrNull(status?.fetchedAt),
        expiresAt: isoOrNull(configuration?.expiresAt ?? status?.expiresAt),
        lastAttemptAt: isoOrNull(status?.lastAttemptAt),
        lastError: status?.lastError ?? null,
        services: (configuration?.services ?? []).map((service) => ({
          id: service.id,
          name: service.name,
          enabled: service.enabled,
          hasOpenapi: service.openapi !== null,
          grantedTo: service.grants.map((grant) => grant.client),
        })),
        systems: (configuration?.systems ?? []).map(({ id, name }) => ({ id, name })),
      };
    },
  );

  app.get(
    `${PARTNER_PATH}/offers`,
    {
      schema: {
        tags,
        operationId: 'listFederationOffers',
        summary: 'List the services offered to a partner',
        params: PartnerParams,
        querystring: ListQuery,
        response: withProblems({ 200: OfferPage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.read');
      return pageOut(await registry.federation.offers.list(request.params.partner, request.query));
    },
  );

  app.post(
    `${PARTNER_PATH}/offers`,
    {
      schema: {
        tags,
        operationId: 'setFederationOffer',
        summary: 'Offer a service to a partner, or change whether its OpenAPI document is shown',
        params: PartnerParams,
        body: OfferInput,
        response: withProblems({ 201: OfferView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.offer', request.body.service);
      return reply
        .code(201)
        .send(
          await registry.federation.offers.set(auditActorOf(actor), request.params.partner, request.body),
        );
    },
  );

  app.delete(
    `${PARTNER_PATH}/offers/:instance/:class/:code/:system/:service`,
    {
      schema: {
        tags,
        operationId: 'removeFederationOffer',
        summary: 'Withdraw a service from a partner',
        params: OfferParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const service = serviceIdOf(request.params);
      authorize(actor, 'federation.offer', service);
      await registry.federation.offers.remove(auditActorOf(actor), request.params.partner, service);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${PARTNER_PATH}/outbound`,
    {
      schema: {
        tags,
        operationId: 'listFederationOutbound',
        summary: 'List the local systems allowed to call a partner (none by default)',
        params: PartnerParams,
        querystring: ListQuery,
        response: withProblems({ 200: OutboundPage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'federation.read');
      return pageOut(await registry.federation.outbound.list(request.params.partner, request.query));
    },
  );

  app.post(
    `${PARTNER_PATH}/outbound`,
    {
      schema: {
        tags,
        operationId: 'allowFederationOutbound',
        summary:
          'Allow a local system to call a partner’s services (the partner’s grants still decide which)',
        params: PartnerParams,
        body: OutboundInput,
        response: withProblems({ 201: OutboundView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.outbound');
      return reply
        .code(201)
        .send(
          await registry.federation.outbound.allow(auditActorOf(actor), request.params.partner, request.body),
        );
    },
  );

  app.delete(
    `${PARTNER_PATH}/outbound/:instance/:class/:code/:system`,
    {
      schema: {
        tags,
        operationId: 'revokeFederationOutbound',
        summary: 'Stop a local system calling out to a partner',
        params: OutboundParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'federation.outbound');
      await registry.federation.outbound.revoke(
        auditActorOf(actor),
        request.params.partner,
        systemIdOf(request.params),
      );
      return reply.code(204).send(null);
    },
  );
}
