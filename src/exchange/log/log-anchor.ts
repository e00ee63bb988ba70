import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

/** Where a pruned chain resumes: the seq and hash of the last removed entry. */
export interface LogAnchor {
  readonly seq: number;
  readonly hash: string;
}

const PREFIX = 'log-anchor:';

/** The `meta` key that holds a node's anchor. */
export function anchorKey(nodeId: string): string {
  return `${PREFIX}${nodeId}`;
}

/** Reads every node's anchor (nodes never pruned have none). */
export async function readAnchors(db: Kysely<Database>): Promise<Map<string, LogAnchor>> {
  const rows = await db.selectFrom('meta').selectAll().where('key', 'like', `${PREFIX}%`).execute();
  const anchors = new Map<string, LogAnchor>();
  for (const row of rows) {
    const parsed = JSON.parse(row.value) as { seq: number; hash: string };
    anchors.set(row.key.slice(PREFIX.length), { seq: Number(parsed.seq), hash: String(parsed.hash) });
  }
  return anchors;
}

/** Reads one node's anchor. */
export async function readAnchor(db: Kysely<Database>, nodeId: string): Promise<LogAnchor | undefined> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', anchorKey(nodeId))
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = JSON.parse(row.value) as { seq: number; hash: string };
  return { seq: Number(parsed.seq), hash: String(parsed.hash) };
}

/** Writes a node's anchor inside the caller's transaction. */
export async function writeAnchor(db: Kysely<Database>, nodeId: string, anchor: LogAnchor): Promise<void> {
  const value = JSON.stringify({ seq: anchor.seq, hash: anchor.hash });
  await db
    .insertInto('meta')
    .values({ key: anchorKey(nodeId), value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
