import type { ServerResponse } from 'node:http';
import { CangError, isSegment } from '../core/index.js';
import { type ActiveConfig, grantKey } from './active-config.js';
import type { OpenApiDocuments } from './openapi-documents.js';
import type { ExchangeTarget } from './parse-exchange-url.js';

type MetaTarget = Extract<ExchangeTarget, { kind: 'meta' }>;

function hasLiveGrant(config: ActiveConfig, client: string, serviceId: string, now: number): boolean {
  const grants = config.grants.get(grantKey(client, serviceId));
  return grants?.some(({ grant }) => grant.expiresAt === null || grant.expiresAt > now) ?? false;
}

/** Writes a metaservice's answer (JSON unless told), with the transaction id. */
export function writeMetaAnswer(
  res: ServerResponse,
  transactionId: string,
  body: string,
  contentType = 'application/json',
): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'x-cang-id': transactionId,
  });
  res.end(body);
}

/**
 * Answers a metaservice for an authenticated client; no grant is needed except for getOpenAPI, which
 * answers 404 service-unknown both for a service without a document and one the caller may not call, so
 * the document of a service is never shown to a client without a grant. The document comes from the
 * registry (`documents`), asked only once the grant is checked.
 */
export async function answerMetaservice(
  documents: OpenApiDocuments,
  config: ActiveConfig,
  target: MetaTarget,
  client: string,
  method: string,
  now: number,
  transactionId: string,
  res: ServerResponse,
): Promise<void> {
  if (method !== 'GET') throw new CangError('bad-request', 'Metaservices answer GET only');
  if (target.name === 'listClients') {
    const clients = [...config.systems.values()].map(({ id, name }) => ({ id, name }));
    writeMetaAnswer(res, transactionId, JSON.stringify({ clients }));
    return;
  }
  const systemId = target.systemId!;
  if (!config.systems.has(systemId)) throw new CangError('service-unknown', 'No such information system');
  const services = config.servicesBySystem.get(systemId) ?? [];
  if (target.name === 'listMethods' || target.name === 'allowedMethods') {
    const listed = services
      .filter(({ service }) => target.name === 'listMethods' || hasLiveGrant(config, client, service.id, now))
      .map(({ service }) => ({ id: service.id, name: service.name, enabled: service.enabled }));
    writeMetaAnswer(res, transactionId, JSON.stringify({ services: listed }));
    return;
  }
  const code = new URLSearchParams(target.query ?? '').get('serviceCode');
  if (code === null || !isSegment(code)) throw new CangError('bad-request', 'Give ?serviceCode={service}');
  const serviceId = `${systemId}/${code}`;
  const none = new CangError('service-unknown', 'No OpenAPI document for this service');
  if (!config.services.get(serviceId)?.service.hasOpenapi || !hasLiveGrant(config, client, serviceId, now)) {
    throw none;
  }
  const openapi = await documents.get(serviceId, config.version);
  if (openapi === null) throw none;
  writeMetaAnswer(res, transactionId, openapi);
}
