import type { KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../store/index.js';
import { type VerifyResult, ChainChecker } from './chain-checker.js';
import {
  SQLITE_CANONICAL_PREFIX,
  canonicalEntry,
  entryHash,
  genesisHash,
  rowToEntry,
  sha256,
} from './entry-encoding.js';
import { readAnchors } from './log-anchor.js';
import { type LogSeal, type PublicKeyInput, toPublicKey } from './log-seal.js';
import { classifyMismatch, contentMatches } from './mismatch-classifier.js';
import { type RangeResult, VerifyWorkerPool, defaultVerifyWorkers } from './verify-workers.js';

/** What to verify and with which node keys. */
export interface VerifyLogOptions {
  readonly store: Store;
  /** Only this node's chain; all nodes when absent. */
  readonly nodeId?: string;
  /** Node public keys by key id, as KeyObjects or base64url SPKI. */
  readonly publicKeys: ReadonlyMap<string, PublicKeyInput>;
  /** Treat entries after the last seal as a failure ('unsealed-tail'). */
  readonly requireSealedTail?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads that recompute hashes in parallel, each reading a SQLite file store through its
   * own read-only connection (PostgreSQL and in-memory SQLite are always walked on the calling
   * thread). 0 turns them off. Default: one per core (at most 4), for logs of 50,000 entries or more.
   */
  readonly workers?: number;
}

interface PagedRow {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly matches: boolean;
}

const PAGE_ROWS = 10_000;
/** Below this many entries, starting workers costs more than it saves (unless `workers` is given). */
const MIN_PARALLEL_ENTRIES = 50_000;
/** Most entries in one range handed to a worker. */
const MAX_RANGE_ROWS = 8_192;
/** Ranges queued per worker, so that none waits while the results are taken in order. */
const RANGES_PER_WORKER = 3;

/**
 * Walks every node's chain from its start (genesis or prune anchor) in seq order, page by page, and
 * checks hashes, seq continuity, prev links and seals. Stops at the first problem and names its seq.
 */
export async function verifyLog(options: VerifyLogOptions): Promise<VerifyResult> {
  const { store } = options;
  const keys = new Map<string, KeyObject>();
  for (const [id, key] of options.publicKeys) keys.set(id, toPublicKey(key));
  const anchors = await readAnchors(store.db);

  // 1. Which nodes, and how many entries (for progress), from the primary key index.
  let extents = store.db
    .selectFrom('log_entries')
    .select(['node_id', (eb) => eb.fn.max('seq').as('last')])
    .groupBy('node_id');
  if (options.nodeId !== undefined) extents = extents.where('node_id', '=', options.nodeId);
  const lastSeqs = new Map<string, number>();
  for (const row of await extents.execute()) lastSeqs.set(row.node_id, Number(row.last));
  let sealQuery = store.db.selectFrom('log_seals').selectAll().orderBy('node_id').orderBy('seq');
  if (options.nodeId !== undefined) sealQuery = sealQuery.where('node_id', '=', options.nodeId);
  const sealsByNode = new Map<string, LogSeal[]>();
  for (const row of await sealQuery.execute()) {
    const list = sealsByNode.get(row.node_id) ?? [];
    list.push({
      nodeId: row.node_id,
      seq: Number(row.seq),
      headHash: row.head_hash,
      sealedAt: Number(row.sealed_at),
      keyId: row.key_id,
      signature: row.signature,
    });
    sealsByNode.set(row.node_id, list);
  }
  const nodeSet = new Set([...lastSeqs.keys(), ...sealsByNode.keys()]);
  for (const node of anchors.keys())
    if (options.nodeId === undefined || node === options.nodeId) nodeSet.add(node);
  if (options.nodeId !== undefined) nodeSet.add(options.nodeId);
  const nodes = [...nodeSet].sort();
  const total = nodes.reduce(
    (sum, n) => sum + Math.max(0, (lastSeqs.get(n) ?? 0) - (anchors.get(n)?.seq ?? 0)),
    0,
  );

  // 2. Walk each chain: on a SQLite file, workers check ranges in parallel and the chain is stitched
  //    here in order; a range they cannot vouch for, and whatever follows the last range (entries
  //    appended meanwhile, or every entry without workers), is walked entry by entry on this thread.
  const workerCount = Math.max(
    0,
    Math.floor(options.workers ?? (total >= MIN_PARALLEL_ENTRIES ? defaultVerifyWorkers() : 0)),
  );
  const file = workerCount > 0 && total > 0 ? store.sqliteFile : null;
  const pool = file !== null ? new VerifyWorkerPool(file, workerCount) : null;
  const rangeRows = Math.max(1, Math.min(MAX_RANGE_ROWS, Math.ceil(total / (workerCount * 16))));
  let done = 0;
  let entries = 0;
  let seals = 0;
  const unsealed: Record<string, number> = {};
  try {
    for (const nodeId of nodes) {
      const start = anchors.get(nodeId) ?? { seq: 0, hash: genesisHash(nodeId) };
      const nodeSeals = sealsByNode.get(nodeId) ?? [];
      const checker = new ChainChecker(nodeId, start, nodeSeals, keys);
      let after = start.seq;
      let fast = store.dialect === 'sqlite';
      /** Pushes entries one by one from `after` on, up to `upTo` (all when absent), until a failure. */
      const walk = async (upTo?: number): Promise<void> => {
        while (!checker.failure) {
          let page: PagedRow[];
          try {
            page = fast
              ? await readFastPage(store, nodeId, after, upTo)
              : await readPage(store, nodeId, after, upTo);
          } catch (error) {
            if (!fast) throw error;
            fast = false; // e.g. a BLOB where text belongs: json_array refuses it; the generic path decides.
            continue;
          }
          if (page.length === 0) break;
          for (const row of page) {
            const matches = row.matches || (await contentMatches(store, nodeId, row.seq));
            if (!checker.push(row.seq, row.prevHash, row.hash, matches)) break;
          }
          after = page[page.length - 1]!.seq;
          done += page.length;
          options.onProgress?.(Math.min(done, total), total);
        }
      };

      const last = lastSeqs.get(nodeId) ?? 0;
      if (pool !== null && !checker.failure && last > after) {
        const queued: {
          readonly from: number;
          readonly to: number;
          readonly result: Promise<RangeResult>;
        }[] = [];
        let next = after;
        let sealAt = 0;
        const enqueue = () => {
          while (next < last && queued.length < workerCount * RANGES_PER_WORKER) {
            const from = next;
            const to = Math.min(last, from + rangeRows);
            const sealSeqs: number[] = [];
            while (sealAt < nodeSeals.length && nodeSeals[sealAt]!.seq <= to) {
              const seq = nodeSeals[sealAt++]!.seq;
              if (seq > from) sealSeqs.push(seq);
            }
            queued.push({ from, to, result: pool.check({ nodeId, after: from, last: to, sealSeqs }) });
            next = to;
          }
        };
        enqueue();
        while (queued.length > 0 && !checker.failure) {
          const range = queued.shift()!;
          const result = await range.result;
          enqueue();
          if (
            result.clean &&
            after === range.from &&
            checker.tryPushRun(range.from + 1, result.firstPrev, range.to, result.lastHash, result.sealHeads)
          ) {
            after = range.to;
            done += range.to - range.from;
            options.onProgress?.(Math.min(done, total), total);
          } else {
            await walk(range.to);
          }
        }
      }
      await walk();
      unsealed[nodeId] = checker.finish(options.requireSealedTail ?? false);
      entries += checker.entries;
      seals += checker.sealsChecked;
      const failure = checker.failure;
      if (failure) {
        await pool?.close();
        const reason =
          failure.reason === 'hash-mismatch' || failure.reason === 'broken-link'
            ? await classifyMismatch(store, nodeId, failure.seq, failure.reason)
            : failure.reason;
        return { ok: false, entries, seals, nodes, unsealed, firstBad: { ...failure, reason } };
      }
    }
  } finally {
    await pool?.close();
  }
  options.onProgress?.(total, total);
  return { ok: true, entries, seals, nodes, unsealed };
}

/** Generic page: full rows, canonical entry rebuilt in JS (both dialects). */
async function readPage(store: Store, nodeId: string, after: number, upTo?: number): Promise<PagedRow[]> {
  let query = store.db
    .selectFrom('log_entries')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('seq', '>', after);
  if (upTo !== undefined) query = query.where('seq', '<=', upTo);
  const rows = await query.orderBy('seq').limit(PAGE_ROWS).execute();
  return rows.map((row) => {
    const entry = rowToEntry(row);
    return {
      seq: Number(row.seq),
      prevHash: row.prev_hash,
      hash: row.hash,
      matches: entryHash(row.prev_hash, canonicalEntry(entry)) === row.hash,
    };
  });
}

/**
 * SQLite fast page: SQLite builds the canonical array of the first 20 values (SQLITE_CANONICAL_PREFIX), JS appends
 * durationMs. Any row whose SQL form differs from the JS form (e.g. a control character escaped
 * differently) is re-judged by contentMatches with the JS encoding, so the fast path can only save work.
 */
async function readFastPage(store: Store, nodeId: string, after: number, upTo?: number): Promise<PagedRow[]> {
  const bound = upTo === undefined ? sql`` : sql`and seq <= ${upTo}`;
  const result = await sql<{ seq: number; prev_hash: string; hash: string; d: unknown; j: string }>`
    select seq, prev_hash, hash, duration_ms as d,
      ${sql.raw(SQLITE_CANONICAL_PREFIX)} as j
    from log_entries where node_id = ${nodeId} and seq > ${after} ${bound} order by seq limit ${PAGE_ROWS}`.execute(
    store.db,
  );
  const rows = result.rows;
  const page: PagedRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const canonical = `${r.j.slice(0, -1)},${JSON.stringify(r.d)}]`;
    page[i] = {
      seq: r.seq,
      prevHash: r.prev_hash,
      hash: r.hash,
      matches: sha256(r.prev_hash + canonical) === r.hash,
    };
  }
  return page;
}
