import type { Answer, ItemOf } from './contract';

/** The registry, identity, log and audit shapes the console reads, taken from the generated contract. */

export type User = Answer<'getSession'>;
export type RoleAssignment = User['roles'][number];
export type Role = RoleAssignment['role'];
export type Organisation = Answer<'getOrganisation'>;
export type System = Answer<'getSystem'>;
export type Service = Answer<'getService'>;
export type Grant = Answer<'getGrant'>;
export type Credential = ItemOf<'listCredentials'>;
export type IssuedToken = Answer<'issueTokenCredential', 201>;
export type LogItem = ItemOf<'searchLog'>;
export type VerifyResult = Answer<'verifyLog'>;
export type StatRow = ItemOf<'getTrafficStats'>;
export type AuditEvent = ItemOf<'listAuditEvents'>;
export type Capability = User['capabilities'][number];
