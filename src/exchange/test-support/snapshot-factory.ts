import { sha256Base64url } from '../../core/index.js';
import type {
  ConfigSnapshot,
  SnapshotCredential,
  SnapshotGrant,
  SnapshotService,
} from '../../registry/index.js';

/** The consumer system of the tests and its token. */
export const CLIENT = 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA';
export const CLIENT_TOKEN = 'token-of-motcua-0123456789';
/** A second consumer system and its token. */
export const OTHER_CLIENT = 'VN-HP/GOV/000.00.12.H26/HTTT-TUPHAP';
export const OTHER_TOKEN = 'token-of-tuphap-9876543210';
/** The provider system and its service. */
export const PROVIDER = 'VN-HP/GOV/000.00.20.H26/CSDL-DANCU';
export const SERVICE = `${PROVIDER}/tra-cuu-ho-khau`;

/** Builds a service; `baseUrl` is usually a test provider's. */
export function buildService(overrides: Partial<SnapshotService> = {}): SnapshotService {
  return {
    id: SERVICE,
    name: 'Tra cứu hộ khẩu',
    baseUrl: 'http://127.0.0.1:9',
    enabled: true,
    timeoutMs: 5_000,
    maxBodyBytes: 10 * 1024 * 1024,
    logBodies: false,
    hasOpenapi: false,
    ...overrides,
  };
}

/** Builds a grant of CLIENT on SERVICE, unrestricted unless overridden. */
export function buildGrant(overrides: Partial<SnapshotGrant> = {}): SnapshotGrant {
  return {
    id: 'grant-1',
    client: CLIENT,
    service: SERVICE,
    methods: null,
    pathPatterns: null,
    quotaPerMinute: null,
    expiresAt: null,
    ...overrides,
  };
}

/** Builds a bearer-token credential. */
export function tokenCredential(system: string, token: string, id = `cred-${system}`): SnapshotCredential {
  return { id, system, tokenHash: sha256Base64url(token), certificateFingerprint: null, expiresAt: null };
}

/** Builds a snapshot with CLIENT, OTHER_CLIENT and PROVIDER, the given services and grants. */
export function buildSnapshot(overrides: Partial<ConfigSnapshot> = {}): ConfigSnapshot {
  const now = Date.now();
  return {
    format: 'cang-config/1',
    instance: 'VN-HP',
    version: 1,
    issuedAt: now,
    expiresAt: now + 3_600_000,
    organisations: [],
    systems: [
      { id: CLIENT, name: 'Một cửa' },
      { id: OTHER_CLIENT, name: 'Tư pháp' },
      { id: PROVIDER, name: 'CSDL dân cư' },
    ],
    services: [buildService()],
    grants: [buildGrant()],
    credentials: [tokenCredential(CLIENT, CLIENT_TOKEN), tokenCredential(OTHER_CLIENT, OTHER_TOKEN)],
    nodes: [],
    partners: [],
    externalPlatforms: [],
    providerAllowLists: [],
    ...overrides,
  };
}
