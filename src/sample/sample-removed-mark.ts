import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/** Key in `meta` of when the sample was removed (ISO 8601); absent while it never was. */
const SAMPLE_REMOVED_KEY = 'sample-removed-at';

/** When `cang sample remove` removed the sample data, or undefined if it never did. */
export async function sampleRemovedAt(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', SAMPLE_REMOVED_KEY)
    .executeTakeFirst();
  return row?.value;
}

/** Records that the sample was removed, so that no later start seeds it again; the first time is kept. */
export async function markSampleRemoved(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key: SAMPLE_REMOVED_KEY, value: new Date(now).toISOString() })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
}
