/** registry: organisations, systems, services, grants, credentials, nodes and keys; the signed snapshot. */
export * from './snapshot-signature.js';
export type * from './snapshot.js';
