import { sql } from 'kysely';
import type { AuditActor } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';

/** What removing the catalog's sample data deleted. */
export interface CatalogSampleRemoval {
  readonly entries: number;
  readonly requests: number;
  readonly messages: number;
}

/** Whether the catalog still holds a sample entry or sharing request. */
export async function holdsCatalogSample(context: CatalogContext): Promise<boolean> {
  const { db } = context;
  const found = await Promise.all([
    db.selectFrom('catalog_entries').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('sharing_requests').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}

/**
 * Deletes the catalog's sample data in one write: the sample entries with their facets, search rows,
 * links and revisions, and the sample requests with their messages. A request on a sample entry goes
 * with the entry, sample or not, since it cannot outlive what it asks for. The grants that sample
 * approvals made are the registry's sample data and are removed by the registry.
 */
export async function removeCatalogSample(
  context: CatalogContext,
  actor: AuditActor,
): Promise<CatalogSampleRemoval> {
  return context.write(actor, async (trx) => {
    const entries = await trx
      .selectFrom('catalog_entries')
      .select(['id', 'search_rowid'])
      .where('sample', '=', 1)
      .execute();
    const entryIds = entries.map((e) => e.id);
    let requests = trx.selectFrom('sharing_requests').select('id').where('sample', '=', 1);
    if (entryIds.length > 0)
      requests = requests.union(
        trx.selectFrom('sharing_requests').select('id').where('entry_id', 'in', entryIds),
      );
    const requestIds = (await requests.execute()).map((r) => r.id);
    let messages = 0;
    if (requestIds.length > 0) {
      const deleted = await trx
        .deleteFrom('sharing_request_messages')
        .where('request_id', 'in', requestIds)
        .executeTakeFirst();
      messages = Number(deleted.numDeletedRows);
      await trx.deleteFrom('sharing_requests').where('id', 'in', requestIds).execute();
    }
    if (entryIds.length > 0) {
      // Facets, links, revisions and PostgreSQL's search rows cascade; SQLite's FTS5 rows do not.
      if (context.dialect === 'sqlite') {
        for (const { search_rowid: rowid } of entries) {
          if (rowid !== null) await sql`DELETE FROM catalog_search WHERE rowid = ${rowid}`.execute(trx);
        }
      }
      await trx.deleteFrom('catalog_entries').where('id', 'in', entryIds).execute();
    }
    const result = { entries: entryIds.length, requests: requestIds.length, messages };
    return {
      result,
      audit: { action: 'catalog.remove-sample', resource: 'catalog', details: result },
    };
  });
}
