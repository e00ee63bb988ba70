import { CangError, isSegment } from '../core/index.js';
import type { AuditActor, Store } from '../store/index.js';
import { buildSnapshot, type SnapshotOptions } from './build-snapshot.js';
import { readConfigVersion } from './config-version.js';
import { type CredentialCommands, credentialCommands } from './credential-commands.js';
import { type FederationCommands, federationCommands } from './federation/federation-commands.js';
import type { FederationConfigurations } from './federation/federation-configurations.js';
import { type ExternalPlatformCommands, externalPlatformCommands } from './external-platform-commands.js';
import { type GrantCommands, grantCommands } from './grant-commands.js';
import { type NodeCommands, nodeCommands } from './node-commands.js';
import { type OrganisationCommands, organisationCommands } from './organisation-commands.js';
import { type ProviderAllowListCommands, providerAllowListCommands } from './provider-allow-list-commands.js';
import { createRegistryContext } from './registry-context.js';
import { type ServiceCommands, serviceCommands } from './service-commands.js';
import { holdsRegistrySample, removeSample, type SampleRemoval } from './sample-removal.js';
import type { UnsignedSnapshot } from './snapshot.js';
import { type SystemCommands, systemCommands } from './system-commands.js';

/** What the registry is built from. */
export interface RegistryOptions {
  readonly store: Store;
  /** This installation's instance identifier, e.g. VN-HP. */
  readonly instance: string;
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
  /** Called after every committed change with the new configuration version; must not throw. */
  readonly onChange?: (version: number) => void;
  /**
   * The partners' verified federation configurations (the exchange's partner polling), against which a
   * grant to a partner's system is checked; by default none is known, so none can be granted.
   */
  readonly federationConfigurations?: FederationConfigurations;
  /** Key that seals external platforms' secrets at rest; without it none can be registered. */
  readonly secretsKey?: Buffer;
  /**
   * Whether loopback base URLs count as inside every organisation's provider allow-list
   * (CANG_ALLOW_LOOPBACK_PROVIDERS); false by default.
   */
  readonly allowLoopbackProviders?: boolean;
}

/**
 * The registry: organisations, information systems, services, grants, credentials, nodes and their
 * keys, and the configuration snapshot built from them. Every write takes an audit actor and runs in
 * one transaction with its audit entry and the configuration version bump.
 */
export interface Registry {
  readonly instance: string;
  readonly organisations: OrganisationCommands;
  readonly systems: SystemCommands;
  readonly services: ServiceCommands;
  readonly grants: GrantCommands;
  readonly credentials: CredentialCommands;
  readonly nodes: NodeCommands;
  /** Trusted partner instances, what is offered to each and which local systems may call out. */
  readonly federation: FederationCommands;
  readonly externalPlatforms: ExternalPlatformCommands;
  /** Where each organisation's services may point; set by platform administrators. */
  readonly providerAllowLists: ProviderAllowListCommands;
  /**
   * Deletes the sample systems, services, grants and credentials in one audited write, leaving the
   * organisations; returns how many of each went.
   */
  removeSample(actor: AuditActor): Promise<SampleRemoval>;
  /** Whether any sample system, service, grant or credential is left. */
  holdsSample(): Promise<boolean>;
  /** The current configuration version; it increases with every change. */
  configVersion(): Promise<number>;
  /** Reads everything the exchange needs into an unsigned snapshot (partners' configurations unsigned too). */
  buildSnapshot(options: SnapshotOptions): Promise<UnsignedSnapshot>;
}

/**
 * Builds the registry over an open, migrated store.
 *
 * @example
 * const registry = createRegistry({ store, instance: 'VN-HP', onChange: () => publisher.current() });
 * await registry.organisations.create(actor, { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' });
 */
export function createRegistry(options: RegistryOptions): Registry {
  if (!isSegment(options.instance)) throw new CangError('internal', `Malformed instance ${options.instance}`);
  const context = createRegistryContext(options);
  return Object.freeze({
    instance: options.instance,
    organisations: organisationCommands(context),
    systems: systemCommands(context),
    services: serviceCommands(context, { allowLoopback: options.allowLoopbackProviders ?? false }),
    grants: grantCommands(context),
    credentials: credentialCommands(context),
    nodes: nodeCommands(context),
    federation: federationCommands(context),
    externalPlatforms: externalPlatformCommands(context, options.secretsKey),
    providerAllowLists: providerAllowListCommands(context),
    removeSample: (actor: AuditActor) => removeSample(context, actor),
    holdsSample: () => holdsRegistrySample(context.db),
    configVersion: () => readConfigVersion(context.db),
    buildSnapshot: (snapshotOptions: SnapshotOptions) => buildSnapshot(context, snapshotOptions),
  });
}
