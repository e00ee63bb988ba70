import type { Store } from '../../store/index.js';
import { canonicalEntry, entryHash, rowToEntry } from './entry-encoding.js';
import type { ChainedEntry } from './log-entry.js';

/** How far around a bad entry to look for the position its content came from. */
const REORDER_WINDOW = 256;

/** Re-judges one entry with the JS encoding (the definition of the canonical entry). */
export async function contentMatches(store: Store, nodeId: string, seq: number): Promise<boolean> {
  const row = await store.db
    .selectFrom('log_entries')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row !== undefined && entryHash(row.prev_hash, canonicalEntry(rowToEntry(row))) === row.hash;
}

/**
 * Tells a reordering from an edit: if the content at `seq` is genuine for another position nearby
 * (its hash verifies once given that position's seq, against its own or that position's chain
 * links), entries were swapped or renumbered rather than edited.
 */
export async function classifyMismatch(
  store: Store,
  nodeId: string,
  seq: number,
  reason: 'hash-mismatch' | 'broken-link',
): Promise<'hash-mismatch' | 'broken-link' | 'reordered'> {
  const rows = (
    await store.db
      .selectFrom('log_entries')
      .selectAll()
      .where('node_id', '=', nodeId)
      .where('seq', '>=', seq - REORDER_WINDOW)
      .where('seq', '<=', seq + REORDER_WINDOW)
      .orderBy('seq')
      .execute()
  ).map(rowToEntry);
  const bad = rows.find((e) => e.seq === seq);
  if (!bad) return reason;
  for (const other of rows) {
    if (other.seq === seq) continue;
    if (fitsAt(bad, other.seq, bad) || fitsAt(bad, other.seq, other)) return 'reordered';
  }
  return reason;
}

function fitsAt(content: ChainedEntry, seq: number, links: ChainedEntry): boolean {
  return entryHash(links.prevHash, canonicalEntry({ ...content, seq })) === links.hash;
}
