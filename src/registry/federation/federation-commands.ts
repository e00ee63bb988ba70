import type { RegistryContext } from '../registry-context.js';
import { type OfferCommands, offerCommands } from './offer-commands.js';
import { type OutboundCommands, outboundCommands } from './outbound-commands.js';
import { type PartnerCommands, partnerCommands } from './partner-commands.js';

/** Federation in the registry: trusted partners, what is offered to each, who may call out to each. */
export interface FederationCommands {
  readonly partners: PartnerCommands;
  readonly offers: OfferCommands;
  readonly outbound: OutboundCommands;
}

/** Builds the federation commands over a registry context. */
export function federationCommands(context: RegistryContext): FederationCommands {
  return Object.freeze({
    partners: partnerCommands(context),
    offers: offerCommands(context),
    outbound: outboundCommands(context),
  });
}
