import { sql } from 'kysely';
import type { Store } from '../../store/index.js';
import { readExportCoverage } from './export-coverage.js';
import { readAnchor, writeAnchor } from './log-anchor.js';
import { dropLogPartition, forgetLogPartitions, listLogPartitions } from './log-partitions.js';

/** What dropping months removed, per node, as pruneLog reports it. */
export interface PrunedNode {
  readonly nodeId: string;
  readonly removed: number;
  readonly anchorSeq: number;
  readonly awaitingExport: number;
}

/**
 * PostgreSQL retention: drops whole month partitions, oldest first, while a month ends by `olderThan`
 * and every node's entries in it are covered by verified exports (or `force`). A month is shared by
 * every node's chain, so it goes only when it can go for all of them, and the first month that cannot
 * stops the walk: dropping a later one would cut a chain in its middle. Per node, the anchor moves to
 * its last entry in the dropped month (the export covers it, so it was verified); entries of a later
 * month with a smaller seq (a call that started later and finished sooner) stay below the anchor, out
 * of every chain walk, until their own month goes. Bodies go with their entries, seals below the
 * anchor with them, all in one transaction per month.
 */
export async function prunePartitions(
  store: Store,
  olderThan: number,
  force: boolean,
): Promise<PrunedNode[]> {
  const db = store.db;
  const results = new Map<string, { removed: number; anchorSeq: number; awaitingExport: number }>();
  for (const partition of await listLogPartitions(db)) {
    if (partition.to > olderThan) break;
    const table = sql.id(partition.name);
    const { rows: nodes } = await sql<{ node_id: string; last: string; n: string }>`
      SELECT node_id, max(seq) AS last, count(*) AS n FROM ${table} GROUP BY node_id ORDER BY node_id`.execute(
      db,
    );
    const coverage = new Map<string, number>();
    for (const node of nodes) {
      coverage.set(
        node.node_id,
        force ? Number.POSITIVE_INFINITY : ((await readExportCoverage(db, node.node_id))?.seq ?? 0),
      );
    }
    const blocked = nodes.filter((n) => Number(n.last) > coverage.get(n.node_id)!);
    if (blocked.length > 0) {
      // What waits for an export: this month's and every later expired month's uncovered entries.
      for (const later of await listLogPartitions(db)) {
        if (later.from < partition.from || later.to > olderThan) continue;
        const { rows } = await sql<{ node_id: string; n: string }>`SELECT node_id, count(*) AS n
          FROM ${sql.id(later.name)} GROUP BY node_id`.execute(db);
        for (const row of rows) {
          const covered = coverage.get(row.node_id) ?? (await readExportCoverage(db, row.node_id))?.seq ?? 0;
          const { rows: waiting } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.id(later.name)}
            WHERE node_id = ${row.node_id} AND seq > ${covered}`.execute(db);
          const r = await resultOf(store, results, row.node_id);
          r.awaitingExport += Number(waiting[0]!.n);
        }
      }
      break;
    }
    await db.transaction().execute(async (trx) => {
      for (const node of nodes) {
        const last = Number(node.last);
        const r = await resultOf(store, results, node.node_id);
        if (last > r.anchorSeq) {
          const { rows } = await sql<{ hash: string }>`SELECT hash FROM ${table}
            WHERE node_id = ${node.node_id} AND seq = ${last}`.execute(trx);
          await writeAnchor(trx, node.node_id, { seq: last, hash: rows[0]!.hash });
          await trx
            .deleteFrom('log_seals')
            .where('node_id', '=', node.node_id)
            .where('seq', '<', last)
            .execute();
          r.anchorSeq = last;
        }
        r.removed += Number(node.n);
      }
      await sql`DELETE FROM log_bodies WHERE id IN (SELECT id FROM ${table})`.execute(trx);
      await dropLogPartition(trx, partition);
    });
    forgetLogPartitions(db);
  }
  return [...results].map(([nodeId, r]) => ({ nodeId, ...r })).sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1));
}

async function resultOf(
  store: Store,
  results: Map<string, { removed: number; anchorSeq: number; awaitingExport: number }>,
  nodeId: string,
) {
  let r = results.get(nodeId);
  if (r === undefined) {
    r = { removed: 0, anchorSeq: (await readAnchor(store.db, nodeId))?.seq ?? 0, awaitingExport: 0 };
    results.set(nodeId, r);
  }
  return r;
}
