import type { Store } from '../../store/index.js';
import { readExportCoverage } from './export-coverage.js';
import { readAnchor, writeAnchor } from './log-anchor.js';
import { type PrunedNode, prunePartitions } from './prune-log-partitions.js';

/** What to prune. */
export interface PruneLogOptions {
  readonly store: Store;
  /** Entries that started before this (Unix ms) may go, and statistics of minutes that ended by then. */
  readonly olderThan: number;
  /**
   * Only this node's chain; every node when absent. On PostgreSQL a month partition holds every node's
   * entries and goes only when it can go for all of them, so this is ignored there.
   */
  readonly nodeId?: string;
  /** Also remove entries no verified export covers (`cang log prune --force`). */
  readonly force?: boolean;
}

/** What a prune removed, per node. */
export interface PruneLogResult {
  /** Per node: entries removed, the anchor after, and `awaitingExport`: entries past the retention period kept because no verified export covers them yet. */
  readonly nodes: ReadonlyArray<PrunedNode>;
  readonly statsRemoved: number;
}

/**
 * Removes the oldest entries (with their bodies and older seals) while keeping the chain verifiable:
 * only a contiguous prefix goes, no further than verified exports cover (`exportVerifiedLog`) unless
 * forced, ending at the last seal inside it when there is one (so the anchor is a signed head), and the
 * seq and hash of the last removed entry are kept as the node's anchor in `meta` (`log-anchor:{nodeId}`),
 * where verifyLog and createTransactionLog start from. That is SQLite's way, row by row; on PostgreSQL
 * whole month partitions go instead (prunePartitions), under the same rule of verified exports.
 */
export async function pruneLog(options: PruneLogOptions): Promise<PruneLogResult> {
  const { store, olderThan } = options;
  const nodes =
    store.dialect === 'postgres'
      ? await prunePartitions(store, olderThan, options.force ?? false)
      : await pruneRows(options);
  const stats = await store.db
    .deleteFrom('traffic_minutes')
    .where('minute', '<=', olderThan - 60_000)
    .executeTakeFirst();
  return { nodes, statsRemoved: Number(stats.numDeletedRows) };
}

/** SQLite retention: deletes the covered prefix of each chain, row by row. */
async function pruneRows(options: PruneLogOptions): Promise<PrunedNode[]> {
  const { store, olderThan } = options;
  let nodeQuery = store.db.selectFrom('log_entries').select('node_id').distinct();
  if (options.nodeId !== undefined) nodeQuery = nodeQuery.where('node_id', '=', options.nodeId);
  const nodeIds = (await nodeQuery.execute()).map((r) => r.node_id).sort();
  const results: { nodeId: string; removed: number; anchorSeq: number; awaitingExport: number }[] = [];

  for (const nodeId of nodeIds) {
    const anchorSeq = (await readAnchor(store.db, nodeId))?.seq ?? 0;
    // 1. The prefix: every entry before the first one young enough to keep.
    const firstKept = await store.db
      .selectFrom('log_entries')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('node_id', '=', nodeId)
      .where('started_at', '>=', olderThan)
      .executeTakeFirst();
    const lastStored = await store.db
      .selectFrom('log_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('node_id', '=', nodeId)
      .executeTakeFirst();
    const expired = firstKept?.seq != null ? Number(firstKept.seq) - 1 : Number(lastStored?.seq ?? 0);
    const covered = options.force ? expired : ((await readExportCoverage(store.db, nodeId))?.seq ?? 0);
    const bound = Math.min(expired, covered);
    if (bound <= anchorSeq) {
      if (expired > anchorSeq) {
        results.push({ nodeId, removed: 0, anchorSeq, awaitingExport: expired - Math.max(anchorSeq, bound) });
      }
      continue;
    }
    // 2. Prefer ending at a seal, so the anchor is a signed head.
    const seal = await store.db
      .selectFrom('log_seals')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('node_id', '=', nodeId)
      .where('seq', '>', anchorSeq)
      .where('seq', '<=', bound)
      .executeTakeFirst();
    const cut = seal?.seq != null ? Number(seal.seq) : bound;
    const head = await store.db
      .selectFrom('log_entries')
      .select('hash')
      .where('node_id', '=', nodeId)
      .where('seq', '=', cut)
      .executeTakeFirst();
    if (!head) continue; // a gap at the cut: leave it for verifyLog to report
    // 3. Remove and anchor in one transaction.
    const removed = await store.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('log_bodies')
        .where('id', 'in', (eb) =>
          eb.selectFrom('log_entries').select('id').where('node_id', '=', nodeId).where('seq', '<=', cut),
        )
        .execute();
      const deleted = await trx
        .deleteFrom('log_entries')
        .where('node_id', '=', nodeId)
        .where('seq', '<=', cut)
        .executeTakeFirst();
      await trx.deleteFrom('log_seals').where('node_id', '=', nodeId).where('seq', '<', cut).execute();
      await writeAnchor(trx, nodeId, { seq: cut, hash: head.hash });
      return Number(deleted.numDeletedRows);
    });
    results.push({ nodeId, removed, anchorSeq: cut, awaitingExport: expired - bound });
  }

  return results;
}
