import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { CangError, publicKeyFingerprint } from '../../core/index.js';
import type { ActiveConfig, ActivePartner } from '../active-config.js';

/** The partner a TLS peer belongs to, and the SPKI fingerprint of the key it presented. */
export interface PartnerPeer {
  readonly partner: ActivePartner;
  readonly fingerprint: string;
}

interface Identified {
  readonly config: ActiveConfig;
  readonly peer: PartnerPeer | null;
}

/** Per connection, and again when the snapshot changes: a kept-alive connection outlives a partner's removal. */
const identified = new WeakMap<TLSSocket, Identified>();

function issuedBy(certificate: X509Certificate, authority: X509Certificate): boolean {
  return certificate.checkIssued(authority) && certificate.verify(authority.publicKey);
}

function identify(config: ActiveConfig, socket: TLSSocket): PartnerPeer | null {
  const certificate = socket.getPeerX509Certificate();
  if (certificate === undefined) return null;
  for (const partner of config.partners.values()) {
    if (partner.authority !== null && issuedBy(certificate, partner.authority)) {
      return { partner, fingerprint: publicKeyFingerprint(certificate) };
    }
  }
  return null;
}

/**
 * Which trusted partner the peer of a federation connection is a node of: its certificate must be
 * issued by the authority certificate of a partner in the current snapshot. TLS checked the chain at the
 * handshake against the partners of that moment; this checks it against those of now. Throws 403
 * partner-not-trusted otherwise.
 */
export function identifyPartnerNode(config: ActiveConfig, socket: TLSSocket): PartnerPeer {
  let known = identified.get(socket);
  if (known === undefined || known.config !== config) {
    known = { config, peer: identify(config, socket) };
    identified.set(socket, known);
  }
  if (known.peer === null) {
    throw new CangError('partner-not-trusted', 'The calling node is not a node of a trusted partner');
  }
  return known.peer;
}
