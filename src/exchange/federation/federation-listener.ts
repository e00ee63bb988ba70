import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { CangError, type CertificateWithKey } from '../../core/index.js';
import type { ActiveConfig } from '../active-config.js';
import type { ExchangeContext } from '../exchange-context.js';
import { writeProblem } from '../problem-response.js';
import { refusedWithoutLog } from '../refuse-without-log.js';
import { handlePartnerCall } from './handle-partner-call.js';
import { identifyPartnerNode } from './identify-partner-node.js';
import type { PartnerConfigurations } from './partner-configuration-source.js';

/** Where a partner's node fetches the configuration we show its instance. */
export const CONFIGURATION_PATH = '/federation/v1/configuration';

/** What the federation listener is built from besides the exchange's context. */
export interface FederationListenerOptions {
  /** The node's federation TLS identity (issued by our authority). */
  readonly identity: CertificateWithKey;
  readonly configurations: PartnerConfigurations;
}

/** The certificates the listener trusts: the authorities of the snapshot's partners. */
function trustedAuthorities(config: ActiveConfig | undefined): string[] {
  return config === undefined ? [] : [...config.partners.values()].map(({ partner }) => partner.certificate);
}

function answerConfiguration(config: ActiveConfig, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') throw new CangError('bad-request', 'The configuration is fetched with GET');
  const { partner } = identifyPartnerNode(config, req.socket as TLSSocket);
  const headers = { etag: partner.configurationEtag, 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === partner.configurationEtag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(partner.configurationBody),
  });
  res.end(partner.configurationBody);
}

/**
 * The federation listener (docs/exchange-protocol.md, "Federation"): HTTPS on its own port that accepts
 * only clients whose certificate chains to a partner of the current snapshot (`requestCert`,
 * `rejectUnauthorized`; no partner, no handshake). It is built with the exchange's context, so a partner's
 * call shares the node's log, quotas, provider pools and metrics. Routes: `GET
 * /federation/v1/configuration` answers the calling partner the configuration we show it (ETag, 304);
 * `/r1/…` is a partner's call (`handlePartnerCall`). Every answer names this instance and node
 * (`X-Cang-Instance`, `X-Cang-Node`).
 */
export function createFederationListener(ctx: ExchangeContext, options: FederationListenerOptions): Server {
  const { identity } = options;
  let trustedFrom = ctx.snapshots.current();
  let trusted = trustedAuthorities(trustedFrom);

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('x-cang-instance', ctx.instance);
    res.setHeader('x-cang-node', ctx.nodeId);
    try {
      const url = req.url ?? '/';
      if (url.startsWith('/r1/')) {
        if (refusedWithoutLog(ctx, res, null)) return;
        handlePartnerCall(ctx, options.configurations, req, res);
        return;
      }
      if (url !== CONFIGURATION_PATH) throw new CangError('bad-request', 'No such federation route');
      const config = ctx.snapshots.current();
      if (config === undefined) throw new CangError('not-ready', 'The node holds no valid configuration');
      answerConfiguration(config, req, res);
    } catch (error) {
      if (!(error instanceof CangError)) ctx.logger.error({ err: error }, 'federation call failed');
      if (!res.headersSent) writeProblem(res, error, null);
      else res.destroy();
    }
  }

  const server = createServer(
    {
      key: identity.privateKey,
      cert: identity.certificate,
      // An empty list, not none: without `ca` Node would trust its public root certificates.
      ca: trusted,
      requestCert: true,
      rejectUnauthorized: true,
    },
    onRequest,
  );
  // Before each handshake (listeners added first run first), trust the partners of the snapshot of now.
  server.prependListener('connection', () => {
    const config = ctx.snapshots.current();
    if (config === trustedFrom) return;
    trustedFrom = config;
    const authorities = trustedAuthorities(config);
    if (authorities.join('\n') === trusted.join('\n')) return;
    trusted = authorities;
    server.setSecureContext({ key: identity.privateKey, cert: identity.certificate, ca: trusted });
  });
  return server;
}
