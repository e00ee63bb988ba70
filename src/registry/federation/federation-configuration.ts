/*
 * What an instance shows one partner (ARCHITECTURE.md, "Federation"): a signed, expiring document,
 * separate from the internal snapshot. It names the instance's federation nodes and what it offers that
 * partner, and nothing else: no provider base URLs, no credential hashes, OpenAPI documents only for
 * services that opt in. Each partner gets its own view, served only to that partner's nodes.
 */

/** An exchange node as partners reach it. */
export interface FederationNode {
  readonly id: string;
  /** `https://host:port` of the node's federation listener. */
  readonly address: string;
  /** Hex SHA-256 of the SPKI of each TLS key the node may present (more than one during a rotation). */
  readonly tlsFingerprints: readonly string[];
}

/** A grant the offering instance gave one of the partner's systems, so the partner can list what it may call. */
export interface FederationGrant {
  readonly client: string; // a system id of the partner instance
  readonly methods: readonly string[] | null;
  readonly pathPatterns: readonly string[] | null;
  readonly quotaPerMinute: number | null;
  readonly expiresAt: number | null;
}

/** A service offered to the partner. */
export interface FederationService {
  readonly id: string; // {instance}/{class}/{code}/{system}/{service}, instance = the offering one
  readonly name: string;
  readonly enabled: boolean;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** The provider's OpenAPI document, only when the service opts in to publishing it. */
  readonly openapi: string | null;
  readonly grants: readonly FederationGrant[];
}

/** The document one instance (`instance`) signs for one partner (`partner`). */
export interface FederationConfiguration {
  readonly format: 'cang-federation/1';
  readonly instance: string;
  readonly partner: string;
  /** The internal configuration version it was built from; never goes down, so a rollback is refused. */
  readonly version: number;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly nodes: readonly FederationNode[];
  /** Organisations and systems the partner may see: owners of offered services and systems allowed to call it. */
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly systems: readonly { readonly id: string; readonly name: string }[];
  readonly services: readonly FederationService[];
}

/** As served: `payload` is the canonical JSON text that `signature` (Ed25519, registry key) signs. */
export interface SignedFederationConfiguration {
  readonly payload: string;
  readonly signature: string;
  readonly keyId: string;
}
