/** store: the SQL schema, migrations, the SQLite and PostgreSQL dialects behind one Kysely, the audit trail. */
export * from './audit-trail.js';
export * from './audited-write.js';
export * from './create-store.js';
export type * from './schema.js';
export * from './database-errors.js';
export * from './sqlite-database.js';
export * from './store-readiness.js';
export * from './sqlite-backup.js';
export * from './sample-mark.js';
