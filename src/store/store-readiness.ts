import { sql } from 'kysely';
import type { Store } from './create-store.js';

/**
 * Whether the store answers a query: the readiness that both the admin port and the exchange port report
 * at `/health/ready`, so a load balancer sees one answer from either. `onFailure` hears why it does not.
 */
export async function storeAnswers(
  store: Pick<Store, 'db'>,
  onFailure?: (error: unknown) => void,
): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch (error) {
    onFailure?.(error);
    return false;
  }
}
