import type { IncomingMessage, ServerResponse } from 'node:http';
import { CangError } from '../../core/index.js';
import type { ActiveConfig } from '../active-config.js';
import type { ExchangeContext } from '../exchange-context.js';
import { forwardToUpstream, type Upstream } from '../forward-call.js';
import { normaliseRestPath } from '../normalise-rest-path.js';
import { refuseCall } from '../refuse-call.js';
import type { TraceContext } from '../traceparent.js';
import type { TransactionState } from '../transaction-state.js';
import { classifyPartnerError } from './partner-error.js';
import { partnerAnswerHeaders, partnerErrorCode, partnerRequestHeaders } from './partner-headers.js';

/**
 * Added to the service's timeout towards a partner: its node times its provider out after `timeoutMs`
 * and must still have time to log and answer that (504 provider-timeout) before we give up on it.
 */
export const PARTNER_TIMEOUT_MARGIN_MS = 1_000;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * A call of a local client (authenticated, `tx.clientId`) to a service of another instance
 * (docs/exchange-protocol.md, "Federation"), in this order: the instance must be a partner (404
 * partner-unknown), the outbound policy must let the client call it (403 access-denied), a valid
 * configuration of the partner must be held (503 partner-configuration-invalid) and offer the service
 * (404 service-unknown; 503 service-disabled), the path must be unambiguous and the declared body within
 * the service's limit (413). Then the call goes over mutual TLS to one of the partner's nodes, round
 * robin, is logged here with the transaction id and request hash the partner logs too, and answered
 * with the partner's answer and the evidence headers. Our own refusals say `X-Cang-Instance: {ours}`.
 */
export function callPartner(
  ctx: ExchangeContext,
  config: ActiveConfig,
  tx: TransactionState,
  trace: TraceContext,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  res.setHeader('x-cang-instance', ctx.instance);
  let upstream: Upstream;
  try {
    const instance = tx.serviceId.slice(0, tx.serviceId.indexOf('/'));
    const partner = config.partners.get(instance);
    if (partner === undefined) throw new CangError('partner-unknown', `${instance} is not a trusted partner`);
    if (!partner.outboundClients.has(tx.clientId!)) {
      throw new CangError('access-denied', `The outbound policy does not let this system call ${instance}`);
    }
    const configuration = ctx.federation?.configurations.active(instance);
    if (configuration === undefined) {
      throw new CangError(
        'partner-configuration-invalid',
        `This node holds no valid federation configuration of ${instance}`,
      );
    }
    const service = configuration.services.get(tx.serviceId);
    if (service === undefined) throw new CangError('service-unknown');
    tx.serviceLabel = tx.serviceId;
    if (!service.enabled) throw new CangError('service-disabled');
    normaliseRestPath(tx.path);
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > service.maxBodyBytes)
      throw new CangError('payload-too-large');
    const route = ctx.federation!.dispatchers.next(partner, configuration);
    if (route === undefined) {
      throw new CangError('partner-unreachable', `The configuration of ${instance} names no node`);
    }
    const remote = { instance, node: route.node.id };
    upstream = {
      dispatcher: route.dispatcher,
      origin: route.origin,
      path: `/r1/${tx.serviceId}${tx.path}${tx.query === null ? '' : `?${tx.query}`}`,
      headers: partnerRequestHeaders(req.rawHeaders, tx, trace, one(req.headers['x-cang-subject'])),
      timeoutMs: service.timeoutMs + PARTNER_TIMEOUT_MARGIN_MS,
      maxBodyBytes: service.maxBodyBytes,
      logBodies: false,
      answerHeaders: (headers, state) => partnerAnswerHeaders(headers, state, remote),
      answerErrorCode: partnerErrorCode,
      failure: classifyPartnerError,
    };
  } catch (error) {
    refuseCall(ctx, tx, res, error);
    return;
  }
  forwardToUpstream(ctx, tx, upstream, req, res);
}
