import type { PartnerConfigurations } from './partner-configuration-source.js';
import type { PartnerDispatchers } from './partner-dispatchers.js';

/** What the exchange's federation paths share: the partners' configurations and the pools to their nodes. */
export interface FederationContext {
  readonly configurations: PartnerConfigurations;
  readonly dispatchers: PartnerDispatchers;
}
