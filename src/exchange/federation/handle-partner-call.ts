import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CangError, parseSystemId, uuidV7 } from '../../core/index.js';
import type { ExchangeContext } from '../exchange-context.js';
import { parseExchangeUrl } from '../parse-exchange-url.js';
import { refuseCall } from '../refuse-call.js';
import { serveService } from '../serve-service.js';
import { traceContext } from '../traceparent.js';
import { TransactionState } from '../transaction-state.js';
import { identifyPartnerNode } from './identify-partner-node.js';
import type { PartnerConfigurations } from './partner-configuration-source.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

function notTrusted(detail: string): CangError {
  return new CangError('partner-not-trusted', detail);
}

/**
 * A call from a partner's node on the federation listener (docs/exchange-protocol.md, "Federation"):
 * the node must be a node of partner P (its certificate chains to P's authority) named in P's
 * configuration (its key's fingerprint), the client a system of P, else 403 partner-not-trusted. The
 * partner's transaction id (`X-Cang-Id`, a UUIDv7) is adopted, so both chains log the call under one id
 * and the same request hash. From there it is an ordinary call to one of our services: our grants for
 * that foreign system, our provider, our log. Refusals from the node's authentication on are logged.
 */
export function handlePartnerCall(
  ctx: ExchangeContext,
  configurations: PartnerConfigurations,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const startedAt = ctx.now();
  let target: ReturnType<typeof parseExchangeUrl>;
  try {
    target = parseExchangeUrl(req.url ?? '/');
    if (target.kind === 'meta') {
      throw new CangError(
        'bad-request',
        "Metaservices about a partner are answered by the caller's instance",
      );
    }
  } catch (error) {
    refuseCall(ctx, null, res, error, uuidV7(startedAt));
    return;
  }
  const config = ctx.snapshots.current();
  if (config === undefined) {
    const error = new CangError('not-ready', 'The node holds no valid configuration');
    refuseCall(ctx, null, res, error, uuidV7(startedAt));
    return;
  }
  const presentedId = one(req.headers['x-cang-id']);
  const adopted = presentedId !== undefined && UUID_V7.test(presentedId);
  const tx = new TransactionState(
    req,
    adopted ? presentedId : uuidV7(startedAt),
    startedAt,
    target.serviceId,
    target.rest,
    target.query,
    ctx.subjectHashKey,
  );
  const trace = traceContext(one(req.headers.traceparent), one(req.headers.tracestate));
  tx.traceId = trace.traceId;
  try {
    const peer = identifyPartnerNode(config, req.socket as TLSSocket);
    const instance = peer.partner.partner.instance;
    if (configurations.active(instance)?.nodesByFingerprint.has(peer.fingerprint) !== true) {
      throw notTrusted(
        `The calling node's key is not named in a valid federation configuration of ${instance}`,
      );
    }
    if (!adopted)
      throw new CangError('bad-request', 'X-Cang-Id must carry the UUIDv7 of the calling transaction');
    const client = one(req.headers['x-cang-client']);
    if (client === undefined) throw notTrusted('The X-Cang-Client header is required');
    parseSystemId(client);
    if (!client.startsWith(`${instance}/`))
      throw notTrusted(`A node of ${instance} calls only for systems of ${instance}`);
    tx.clientId = client;
    tx.refuseMalformedHeaders();
  } catch (error) {
    refuseCall(ctx, tx, res, error);
    return;
  }
  serveService(ctx, config, tx, trace, req, res);
}
