import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Sample data of every part carries a mark, so that the console can say what is sample and
// `cang sample remove` can delete exactly it. Organisations are real units and carry none; the log's sample
// calls are marked by their purpose code instead, since a chain is never edited.

const MARKED_TABLES = [
  'systems',
  'services',
  'grants',
  'credentials',
  'catalog_entries',
  'sharing_requests',
  'users',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of MARKED_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...MARKED_TABLES].reverse()) {
    await db.schema.alterTable(table).dropColumn('sample').execute();
  }
}
