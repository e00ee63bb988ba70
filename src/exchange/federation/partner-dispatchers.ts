import { X509Certificate } from 'node:crypto';
import { createSecureContext, type PeerCertificate } from 'node:tls';
import { type Dispatcher, Pool } from 'undici';
import { type CertificateWithKey, publicKeyFingerprint } from '../../core/index.js';
import type { FederationNode } from '../../registry/index.js';
import type { ActivePartner } from '../active-config.js';
import type { ActivePartnerConfiguration } from './active-partner-configuration.js';

/** A partner node to send a call to. */
export interface PartnerRoute {
  readonly node: FederationNode;
  readonly origin: string;
  readonly dispatcher: Dispatcher;
}

/** Connection pools to the partners' nodes, one per node, kept while the partner's configuration is. */
export interface PartnerDispatchers {
  /** The next node of the partner, round robin; undefined when its configuration names none. */
  next(partner: ActivePartner, configuration: ActivePartnerConfiguration): PartnerRoute | undefined;
  close(): Promise<void>;
}

interface PartnerPools {
  readonly configuration: ActivePartnerConfiguration;
  readonly certificate: string;
  readonly routes: readonly PartnerRoute[];
  turn: number;
}

/**
 * Whether the server presented a key the partner's configuration names for that node: the pin on top
 * of the chain to the partner's authority that TLS checked already.
 */
function pinnedTo(node: FederationNode) {
  const fingerprints = new Set(node.tlsFingerprints.map((fingerprint) => fingerprint.toLowerCase()));
  return (_host: string, certificate: PeerCertificate): Error | undefined => {
    const fingerprint = publicKeyFingerprint(new X509Certificate(certificate.raw));
    return fingerprints.has(fingerprint)
      ? undefined
      : new Error(`The node ${node.id} presented a key its instance's configuration does not name`);
  };
}

/**
 * Creates the pools of mutual-TLS connections to partner nodes: our node's federation identity as the
 * client certificate, the partner's authority certificate as the only trusted root, and the node's key
 * pinned by its SPKI fingerprint. Pools are rebuilt when the partner's configuration or certificate
 * changes; the old ones finish their calls and close.
 */
export function createPartnerDispatchers(identity: CertificateWithKey): PartnerDispatchers {
  const pools = new Map<string, PartnerPools>();

  function build(partner: ActivePartner, configuration: ActivePartnerConfiguration): PartnerPools {
    // One context for every connection to the partner: given only key, cert and ca, each new connection
    // would parse them into a context of its own (about half a millisecond of CPU apiece).
    const secureContext = createSecureContext({
      key: identity.privateKey,
      cert: identity.certificate,
      ca: partner.partner.certificate,
    });
    const routes = configuration.configuration.nodes.map((node) => {
      const origin = new URL(node.address).origin;
      const dispatcher = new Pool(origin, {
        pipelining: 1,
        connect: {
          secureContext,
          rejectUnauthorized: true,
          checkServerIdentity: pinnedTo(node),
        },
      });
      return { node, origin, dispatcher };
    });
    return { configuration, certificate: partner.partner.certificate, routes, turn: 0 };
  }

  return {
    next(partner, configuration) {
      const instance = partner.partner.instance;
      let held = pools.get(instance);
      if (
        held === undefined ||
        held.configuration !== configuration ||
        held.certificate !== partner.partner.certificate
      ) {
        for (const route of held?.routes ?? []) void route.dispatcher.close().catch(() => undefined);
        held = build(partner, configuration);
        pools.set(instance, held);
      }
      if (held.routes.length === 0) return undefined;
      const route = held.routes[held.turn % held.routes.length]!;
      held.turn++;
      return route;
    },
    async close() {
      const all = [...pools.values()].flatMap((held) => held.routes);
      pools.clear();
      await Promise.allSettled(all.map((route) => route.dispatcher.close()));
    },
  };
}
