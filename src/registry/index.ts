/** registry: organisations, systems, services, grants, credentials, nodes and keys; the signed snapshot. */
export type { SnapshotOptions } from './build-snapshot.js';
export * from './common-schemas.js';
export * from './config-change-watcher.js';
export * from './create-registry.js';
export type { CredentialCommands } from './credential-commands.js';
export * from './credential-schemas.js';
export type { ExternalPlatformCommands } from './external-platform-commands.js';
export * from './external-platform-schemas.js';
export type { GrantCommands } from './grant-commands.js';
export * from './grant-schemas.js';
export * from './federation-key-files.js';
export * from './key-files.js';
export { collectNodePublicKeys } from './node-public-keys.js';
export type { NodeCommands, NodeFederation } from './node-commands.js';
export * from './node-request-signature.js';
export * from './node-schemas.js';
export type { OrganisationCommands } from './organisation-commands.js';
export * from './organisation-schemas.js';
export type { ProviderAllowListCommands } from './provider-allow-list-commands.js';
export * from './provider-allow-list-schemas.js';
export { publicKeyId } from './public-key-id.js';
export * from './registry-lookups.js';
export type { SampleOption } from '../store/index.js';
export type { SampleRemoval } from './sample-removal.js';
export * from './seed/seed-hai-phong.js';
export type { BaseUrlOptions, ServiceCommands } from './service-commands.js';
export * from './service-schemas.js';
export * from './snapshot-publisher.js';
export * from './snapshot-signature.js';
export type * from './snapshot.js';
export type { SystemCommands } from './system-commands.js';
export * from './system-schemas.js';
export type * from './federation/configuration-anchor.js';
export type * from './federation/federation-configuration.js';
export type { FederationCommands } from './federation/federation-commands.js';
export * from './federation/federation-configuration-signature.js';
export * from './federation/federation-configurations.js';
export * from './federation/federation-schemas.js';
export type { OfferCommands } from './federation/offer-commands.js';
export type { OutboundCommands } from './federation/outbound-commands.js';
export {
  type AnchorAuthority,
  FEDERATION_CONFIGURATION_PATH,
  type PartnerCommands,
} from './federation/partner-commands.js';
