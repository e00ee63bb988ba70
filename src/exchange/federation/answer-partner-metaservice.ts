import type { ServerResponse } from 'node:http';
import { CangError, isSegment } from '../../core/index.js';
import type { FederationService } from '../../registry/index.js';
import type { ActiveConfig } from '../active-config.js';
import { writeMetaAnswer } from '../answer-metaservice.js';
import type { ExchangeContext } from '../exchange-context.js';
import type { ExchangeTarget } from '../parse-exchange-url.js';
import type { ActivePartnerConfiguration } from './active-partner-configuration.js';

type MetaTarget = Extract<ExchangeTarget, { kind: 'meta' }>;

function grants(service: FederationService, client: string, now: number): boolean {
  return service.grants.some(
    (grant) => grant.client === client && (grant.expiresAt === null || grant.expiresAt > now),
  );
}

/**
 * The metaservices about a partner instance, answered here from its federation configuration (the
 * partner shows us what it offers and whom it granted): `listClients` lists the systems it shows us,
 * `listMethods` a system's offered services, `allowedMethods` those the partner granted the caller
 * when our outbound policy lets the caller call out, `getOpenAPI` a document the partner published for
 * a service the caller may call (404 service-unknown otherwise, as for a local service).
 */
export function answerPartnerMetaservice(
  ctx: ExchangeContext,
  config: ActiveConfig,
  target: MetaTarget,
  client: string,
  method: string,
  now: number,
  transactionId: string,
  res: ServerResponse,
): void {
  if (method !== 'GET') throw new CangError('bad-request', 'Metaservices answer GET only');
  const instance = target.instance!;
  const partner = config.partners.get(instance);
  if (partner === undefined) throw new CangError('partner-unknown', `${instance} is not a trusted partner`);
  const configuration: ActivePartnerConfiguration | undefined =
    ctx.federation?.configurations.active(instance);
  if (configuration === undefined) {
    throw new CangError(
      'partner-configuration-invalid',
      `This node holds no valid federation configuration of ${instance}`,
    );
  }
  if (target.name === 'listClients') {
    const clients = configuration.configuration.systems.map(({ id, name }) => ({ id, name }));
    writeMetaAnswer(res, transactionId, JSON.stringify({ clients }));
    return;
  }
  const systemId = target.systemId!;
  const services = configuration.servicesBySystem.get(systemId);
  if (services === undefined && !configuration.systems.has(systemId)) {
    throw new CangError('service-unknown', 'No such information system');
  }
  const mayCallOut = partner.outboundClients.has(client);
  if (target.name === 'listMethods' || target.name === 'allowedMethods') {
    const listed = (services ?? [])
      .filter((service) => target.name === 'listMethods' || (mayCallOut && grants(service, client, now)))
      .map((service) => ({ id: service.id, name: service.name, enabled: service.enabled }));
    writeMetaAnswer(res, transactionId, JSON.stringify({ services: listed }));
    return;
  }
  const code = new URLSearchParams(target.query ?? '').get('serviceCode');
  if (code === null || !isSegment(code)) throw new CangError('bad-request', 'Give ?serviceCode={service}');
  const service = configuration.services.get(`${systemId}/${code}`);
  if (service === undefined || service.openapi === null || !mayCallOut || !grants(service, client, now)) {
    throw new CangError('service-unknown', 'No OpenAPI document for this service');
  }
  writeMetaAnswer(res, transactionId, service.openapi);
}
