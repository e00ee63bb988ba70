import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/index.js';

/** Key in `meta` of the configuration version, which every registry change increases. */
export const CONFIG_VERSION_KEY = 'config-version';

/** The current configuration version; 0 before the first change. */
export async function readConfigVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', CONFIG_VERSION_KEY)
    .executeTakeFirst();
  return row === undefined ? 0 : Number(row.value);
}

/**
 * Increases the configuration version by one and returns the new value. One upsert statement, so two
 * concurrent transactions on PostgreSQL serialise on the row instead of both writing the same number.
 */
export async function bumpConfigVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .insertInto('meta')
    .values({ key: CONFIG_VERSION_KEY, value: '1' })
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({ value: sql<string>`CAST(CAST(meta.value AS bigint) + 1 AS text)` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
