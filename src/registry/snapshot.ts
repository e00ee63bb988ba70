import type { ProviderAllowEntry } from '../core/index.js';
import type {
  FederationConfiguration,
  SignedFederationConfiguration,
} from './federation/federation-configuration.js';

/*
 * The signed configuration snapshot: what the registry publishes and every exchange node runs from
 * (ARCHITECTURE.md, "Signed configuration"). The exchange depends on these types only, never on the
 * registry's tables.
 */

/** A service as the exchange needs it. */
export interface SnapshotService {
  readonly id: string; // {instance}/{class}/{code}/{system}/{service}
  readonly name: string;
  readonly baseUrl: string; // no trailing slash
  readonly enabled: boolean;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly logBodies: boolean;
  /** Whether the registry holds an OpenAPI document for it; nodes fetch the document on demand. */
  readonly hasOpenapi: boolean;
}

/** Where a platform administrator lets an organisation's services point (core's `ProviderAllowEntry`). */
export interface SnapshotAllowList {
  readonly organisation: string;
  readonly entries: readonly ProviderAllowEntry[];
}

/** An access grant: a client system may call a service, optionally narrowed. */
export interface SnapshotGrant {
  readonly id: string;
  readonly client: string; // system id
  readonly service: string; // service id
  readonly methods: readonly string[] | null; // upper case; null = any method
  readonly pathPatterns: readonly string[] | null; // null = any path; see exchange's path matcher
  readonly quotaPerMinute: number | null;
  readonly expiresAt: number | null; // Unix ms
}

/** A credential bound to a client system: a bearer token's hash or a certificate fingerprint. */
export interface SnapshotCredential {
  readonly id: string;
  readonly system: string;
  readonly tokenHash: string | null; // base64url SHA-256 of the token
  readonly certificateFingerprint: string | null; // hex SHA-256 of the DER certificate, lower case
  readonly expiresAt: number | null;
}

/** An exchange node and its public keys, for checking its log seals. */
export interface SnapshotNode {
  readonly id: string;
  readonly keys: readonly {
    readonly id: string;
    readonly publicKey: string;
    readonly retiredAt: number | null;
  }[];
}

/** A trusted partner instance as its anchor pinned it, with this instance's policy toward it. */
export interface SnapshotPartner {
  readonly instance: string;
  /** The partner's registry key (base64url SPKI), against which its federation configuration verifies. */
  readonly publicKey: string;
  /** The partner's authority certificate (PEM), to which its nodes' TLS certificates chain. */
  readonly certificate: string;
  readonly configurationUrls: readonly string[];
  /** Local systems allowed to call out to this partner (closed by default: none). */
  readonly outboundClients: readonly string[];
  /** What this instance shows the partner, signed by the registry key; its nodes serve it as is. */
  readonly configuration: SignedFederationConfiguration;
}

/**
 * An external platform (an API gateway that is not Cảng) that a local system stands for. The exchange
 * adds its credential to every call to that system's services, which all live on `origin`. The secret
 * stays sealed here; only a node holding the secrets key can open it.
 */
export interface SnapshotExternalPlatform {
  readonly system: string;
  readonly origin: string;
  readonly kind: 'oauth2-client-credentials' | 'api-key';
  readonly tokenUrl: string | null;
  readonly clientId: string | null;
  readonly scope: string | null;
  readonly header: string | null;
  readonly sealedSecret: string;
}

/** The whole snapshot, signed as canonical JSON. */
export interface ConfigSnapshot {
  readonly format: 'cang-config/1';
  readonly instance: string;
  readonly version: number; // increases with every registry change
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly systems: readonly { readonly id: string; readonly name: string }[];
  readonly services: readonly SnapshotService[];
  readonly grants: readonly SnapshotGrant[];
  readonly credentials: readonly SnapshotCredential[];
  readonly nodes: readonly SnapshotNode[];
  readonly partners: readonly SnapshotPartner[];
  readonly externalPlatforms: readonly SnapshotExternalPlatform[];
  readonly providerAllowLists: readonly SnapshotAllowList[];
}

/** A partner as the registry reads it, before the publisher signs its federation configuration. */
export interface UnsignedSnapshotPartner extends Omit<SnapshotPartner, 'configuration'> {
  readonly configuration: FederationConfiguration;
}

/** The snapshot as the registry reads it: each partner's configuration still to be signed. */
export interface UnsignedSnapshot extends Omit<ConfigSnapshot, 'partners'> {
  readonly partners: readonly UnsignedSnapshotPartner[];
}

/** The snapshot as published: `payload` is the canonical JSON text that `signature` signs. */
export interface SignedSnapshot {
  readonly payload: string;
  readonly signature: string; // Ed25519, base64url
  readonly keyId: string; // fingerprint of the registry key
}
