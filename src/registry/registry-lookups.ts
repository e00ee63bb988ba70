import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/*
 * Reads of the registry's tables that other parts make inside their own transactions (pass the
 * transaction as `db`), so that only the registry queries its tables.
 */

/** The name of an organisation, or undefined when there is none with that id. */
export async function organisationNameOf(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** The names of the organisations that exist among `ids`, by id. */
export async function organisationNamesOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The organisation an information system belongs to, or undefined when there is no such system. */
export async function organisationOfSystem(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('systems')
    .select('organisation_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.organisation_id;
}

/** Whether a service with that id is registered (enabled or not). */
export async function serviceExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('services').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
