/** The API's shapes the console reads (see /api/openapi.json). */

export type Role =
  | 'platform-admin'
  | 'org-admin'
  | 'steering-secretariat'
  | 'unit-reporter'
  | 'leader'
  | 'auditor';

export interface RoleAssignment {
  readonly role: Role;
  readonly scope?: string;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly RoleAssignment[];
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Organisation {
  readonly id: string;
  readonly instance: string;
  readonly memberClass: 'GOV' | 'COM' | 'ORG';
  readonly code: string;
  readonly name: string;
  readonly agencyCode: string | null;
  readonly adminCode: string | null;
  readonly createdAt: string;
}

export interface System {
  readonly id: string;
  readonly organisation: string;
  readonly code: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Service {
  readonly id: string;
  readonly system: string;
  readonly code: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly hasOpenapi: boolean;
  readonly enabled: boolean;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly logBodies: boolean;
  readonly createdAt: string;
}

export interface Grant {
  readonly id: string;
  readonly client: string;
  readonly service: string;
  readonly methods: readonly string[] | null;
  readonly pathPatterns: readonly string[] | null;
  readonly quotaPerMinute: number | null;
  readonly expiresAt: string | null;
  readonly expired: boolean;
  readonly createdAt: string;
}

export interface Credential {
  readonly id: string;
  readonly system: string;
  readonly kind: 'token' | 'certificate';
  readonly label: string;
  readonly tokenHint: string | null;
  readonly certificateFingerprint: string | null;
  readonly status: 'active' | 'expired' | 'revoked';
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

export interface IssuedToken {
  readonly token: string;
  readonly credential: Credential;
}

export interface LogItem {
  readonly id: string;
  readonly nodeId: string;
  readonly seq: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly clientId: string | null;
  readonly serviceId: string | null;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode: string | null;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly hash: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly entries: number;
  readonly seals: number;
  readonly nodes: readonly string[];
  readonly firstBad?: { readonly nodeId: string; readonly seq: number; readonly reason: string };
  readonly durationMs: number;
}

export interface StatRow {
  readonly minute: string;
  readonly clientId: string | null;
  readonly serviceId: string | null;
  readonly status: number;
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly resource: string;
  readonly details: unknown;
  readonly remoteAddress: string | null;
}
