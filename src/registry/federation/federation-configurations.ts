import type { FederationConfiguration } from './federation-configuration.js';

/*
 * What the registry and the admin API need of the exchange's partner polling: the partners' federation
 * configurations as last verified, and how fetching them goes. The exchange implements both; until it is
 * wired in, the defaults below know no configuration, so nothing foreign can be granted.
 */

/** The partners' verified, unexpired federation configurations, by partner instance. */
export interface FederationConfigurations {
  /** The configuration partner `instance` shows this instance, or undefined when none valid is held. */
  current(instance: string): FederationConfiguration | undefined;
}

/** How fetching one partner's configuration stands. Times are Unix ms. */
export interface PartnerConfigurationStatus {
  /** Version of the configuration held; null before the first good fetch. */
  readonly version: number | null;
  /** When the configuration held was fetched (or last confirmed unchanged). */
  readonly fetchedAt: number | null;
  readonly expiresAt: number | null;
  /** Why the last fetch failed, safe to show an administrator; null after a good one. */
  readonly lastError: string | null;
  /** When the last fetch was tried, good or not. */
  readonly lastAttemptAt: number | null;
}

/** The configurations and the fetch status of each partner, as the admin API shows them. */
export interface FederationStatus extends FederationConfigurations {
  /** The fetch status of partner `instance`, or undefined when this node does not poll it. */
  status(instance: string): PartnerConfigurationStatus | undefined;
}

/** Knows no partner configuration: the registry's and the admin API's default. */
export const NO_FEDERATION_STATUS: FederationStatus = Object.freeze({
  current: () => undefined,
  status: () => undefined,
});
