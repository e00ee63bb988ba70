import { type AuditActor, recordAudit, type Store } from '../store/index.js';

/** Whether any sample user is left. */
export async function holdsSampleUsers(store: Store): Promise<boolean> {
  const row = await store.db
    .selectFrom('users')
    .select('id')
    .where('sample', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes the sample users with their roles, sessions and API tokens in one transaction, and returns
 * how many users went. Their past actions stay in the audit trail under their ids.
 */
export async function removeSampleUsers(store: Store, actor: AuditActor, now: number): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const ids = (await trx.selectFrom('users').select('id').where('sample', '=', 1).execute()).map(
      (r) => r.id,
    );
    if (ids.length > 0) {
      await trx.deleteFrom('api_tokens').where('user_id', 'in', ids).execute();
      await trx.deleteFrom('sessions').where('user_id', 'in', ids).execute();
      await trx.deleteFrom('user_roles').where('user_id', 'in', ids).execute();
      await trx.deleteFrom('users').where('id', 'in', ids).execute();
    }
    await recordAudit(
      trx,
      actor,
      { action: 'user.remove-sample', resource: 'users', details: { users: ids.length } },
      now,
    );
    return ids.length;
  });
}
