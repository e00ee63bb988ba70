import { X509Certificate } from 'node:crypto';
import {
  compilePathPattern,
  type PathPattern,
  type ProviderAllowEntry,
  sha256Base64url,
} from '../core/index.js';
import type {
  ConfigSnapshot,
  SnapshotCredential,
  SnapshotExternalPlatform,
  SnapshotGrant,
  SnapshotPartner,
  SnapshotService,
} from '../registry/index.js';

/** A service with its provider URL split once for the hot path. */
export interface ActiveService {
  readonly service: SnapshotService;
  /** `http://host:port` of the provider; one connection pool each. */
  readonly origin: string;
  /** Path of the service's base URL without a trailing slash, prefixed to the rest path. */
  readonly basePath: string;
  /** The system id when the service's system stands for an external platform, whose credential is added. */
  readonly platform: string | null;
}

/** A grant with its methods and path patterns compiled. */
export interface ActiveGrant {
  readonly grant: SnapshotGrant;
  readonly methods: ReadonlySet<string> | null;
  readonly patterns: readonly PathPattern[] | null;
}

/** A trusted partner instance, indexed for the federation paths. */
export interface ActivePartner {
  readonly partner: SnapshotPartner;
  /** The partner's authority certificate, to which its nodes' certificates chain; null if unreadable. */
  readonly authority: X509Certificate | null;
  /** Local systems that may call out to the partner. */
  readonly outboundClients: ReadonlySet<string>;
  /** Our signed configuration for the partner as its nodes fetch it, and its ETag. */
  readonly configurationBody: string;
  readonly configurationEtag: string;
}

/** The configuration snapshot indexed for the request path: every lookup a request makes is one Map get. */
export interface ActiveConfig {
  readonly instance: string;
  readonly version: number;
  readonly expiresAt: number;
  readonly snapshot: ConfigSnapshot;
  /** service id → service */
  readonly services: ReadonlyMap<string, ActiveService>;
  /** system id → its services, for the metaservices */
  readonly servicesBySystem: ReadonlyMap<string, readonly ActiveService[]>;
  /** `${system}\n${tokenHash}` → credential; keyed by system so another system's token never matches */
  readonly tokens: ReadonlyMap<string, SnapshotCredential>;
  /** `${system}\n${certificate fingerprint}` → credential */
  readonly certificates: ReadonlyMap<string, SnapshotCredential>;
  /** `${client}\n${service}` → grants */
  readonly grants: ReadonlyMap<string, readonly ActiveGrant[]>;
  /** system id → the external platform it stands for */
  readonly platforms: ReadonlyMap<string, SnapshotExternalPlatform>;
  /** system id → system */
  readonly systems: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  /** partner instance → partner */
  readonly partners: ReadonlyMap<string, ActivePartner>;
  /** organisation id → its provider allow-list */
  readonly allowLists: ReadonlyMap<string, readonly ProviderAllowEntry[]>;
}

/** Where the exchange reads the configuration it runs from; `undefined` when it holds none that is valid. */
export interface SnapshotSource {
  current(): ActiveConfig | undefined;
  /** Polls of the registry finished so far, whatever their outcome, for a source that polls one. */
  polls?(): number;
}

/** Key of the grant index. */
export function grantKey(client: string, service: string): string {
  return `${client}\n${service}`;
}

function activeService(service: SnapshotService, platform: string | null): ActiveService {
  const url = new URL(service.baseUrl);
  const basePath = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  return { service, origin: url.origin, basePath, platform };
}

function activePartner(partner: SnapshotPartner): ActivePartner {
  let authority: X509Certificate | null = null;
  try {
    authority = new X509Certificate(partner.certificate);
  } catch {
    // The registry checks the certificate on import; an unreadable one trusts no node of the partner.
  }
  const configurationBody = JSON.stringify(partner.configuration);
  return {
    partner,
    authority,
    outboundClients: new Set(partner.outboundClients),
    configurationBody,
    configurationEtag: `"${sha256Base64url(configurationBody)}"`,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Indexes a verified snapshot for the hot path. */
export function indexSnapshot(snapshot: ConfigSnapshot): ActiveConfig {
  const platforms = new Map(snapshot.externalPlatforms.map((platform) => [platform.system, platform]));
  const services = new Map<string, ActiveService>();
  const servicesBySystem = new Map<string, ActiveService[]>();
  for (const service of snapshot.services) {
    const system = service.id.slice(0, service.id.lastIndexOf('/'));
    const platform = platforms.get(system);
    // The registry keeps a platform's services on its origin; a snapshot that does not is not trusted with the credential.
    const active = activeService(
      service,
      platform !== undefined && new URL(service.baseUrl).origin === platform.origin ? system : null,
    );
    services.set(service.id, active);
    push(servicesBySystem, system, active);
  }
  const tokens = new Map<string, SnapshotCredential>();
  const certificates = new Map<string, SnapshotCredential>();
  for (const credential of snapshot.credentials) {
    if (credential.tokenHash !== null)
      tokens.set(grantKey(credential.system, credential.tokenHash), credential);
    if (credential.certificateFingerprint !== null) {
      certificates.set(
        grantKey(credential.system, credential.certificateFingerprint.toLowerCase()),
        credential,
      );
    }
  }
  const grants = new Map<string, ActiveGrant[]>();
  for (const grant of snapshot.grants) {
    push(grants, grantKey(grant.client, grant.service), {
      grant,
      methods: grant.methods === null ? null : new Set(grant.methods.map((m) => m.toUpperCase())),
      patterns: grant.pathPatterns === null ? null : grant.pathPatterns.map(compilePathPattern),
    });
  }
  return {
    instance: snapshot.instance,
    version: snapshot.version,
    expiresAt: snapshot.expiresAt,
    snapshot,
    services,
    servicesBySystem,
    tokens,
    certificates,
    grants,
    platforms,
    systems: new Map(snapshot.systems.map((system) => [system.id, system])),
    // A snapshot cached before federation existed has no partners.
    partners: new Map((snapshot.partners ?? []).map((partner) => [partner.instance, activePartner(partner)])),
    // A snapshot cached before the allow-list existed has none: only public addresses are reached.
    allowLists: new Map((snapshot.providerAllowLists ?? []).map((list) => [list.organisation, list.entries])),
  };
}
