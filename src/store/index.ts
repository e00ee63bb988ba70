/** store: the SQL schema, migrations, and the SQLite and PostgreSQL dialects behind one Kysely. */
export * from './create-store.js';
export type * from './schema.js';
