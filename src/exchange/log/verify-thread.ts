/**
 * A log verification worker thread (started by verify-workers.ts): its own read-only connection to the
 * store's file, checking ranges the way readFastPage in verify-log.ts does. SQLite builds the canonical
 * array of the first 20 values (SQLITE_CANONICAL_PREFIX in entry-encoding.ts) behind the prev hash, in
 * one string, and JS appends durationMs. A row whose SQL form does not match is re-judged with the
 * definition of the canonical entry, canonicalEntry(rowToEntry(row)), which on SQLite is JSON.stringify of
 * the row's 21 values as node:sqlite returns them, in the canonical order: the second statement selects
 * exactly that raw row (CANONICAL_COLUMNS). Any error (a BLOB, which json_array refuses, or an integer beyond 2^53, which
 * node:sqlite refuses to read) answers the range as not clean, and the main thread walks it.
 */
import { hash } from 'node:crypto';
import type { SQLOutputValue } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
// The store's opener alone: the store's index.ts would load Kysely, pg and the migrations into every thread.
import { openSqliteDatabase } from '../../store/sqlite-database.js';
import { CANONICAL_COLUMNS, SQLITE_CANONICAL_PREFIX } from './entry-encoding.js';
import type { RangeRequest, WorkerReply } from './verify-workers.js';

const port = parentPort!;
const db = openSqliteDatabase((workerData as { file: string }).file, { readOnly: true });
// One string per entry: prev_hash followed by the canonical array without its closing bracket (the
// last value before it is a quoted string, null or a number, so rtrim removes exactly that bracket).
const select = db.prepare(
  `select seq, hash, duration_ms, prev_hash || rtrim(${SQLITE_CANONICAL_PREFIX}, ']'), ` +
    "iif(typeof(prev_hash) = 'text', length(prev_hash), -1) " +
    'from log_entries where node_id = ? and seq > ? and seq <= ? order by seq',
);
select.setReturnArrays(true);
const selectRow = db.prepare(
  `select ${CANONICAL_COLUMNS.join(', ')}, prev_hash from log_entries where node_id = ? and seq = ?`,
);
selectRow.setReturnArrays(true);

function check(m: RangeRequest): WorkerReply['result'] {
  const { sealSeqs } = m;
  const sealHeads: string[] = [];
  let s = 0;
  let expected = m.after + 1;
  let firstPrev: string | null = null;
  let prev: string | null = null;
  for (const r of select.all(m.nodeId, m.after, m.last) as unknown as SQLOutputValue[][]) {
    const [seq, h, durationMs, c, prevLength] = r;
    // The prev hash is text of 43 characters, the previous entry's hash (an ASCII string) for all but
    // the first entry, whose prev hash the main thread compares with the chain so far.
    if (seq !== expected || typeof h !== 'string' || typeof c !== 'string' || prevLength !== 43) return null;
    if (prev === null) firstPrev = c.slice(0, 43);
    else if (!c.startsWith(prev)) return null;
    if (hash('sha256', `${c},${JSON.stringify(durationMs)}]`, 'base64url') !== h) {
      const row = selectRow.get(m.nodeId, seq) as unknown as SQLOutputValue[] | undefined;
      if (row === undefined) return null;
      const p = row.pop();
      if (p !== (prev ?? firstPrev)) return null;
      if (hash('sha256', p + JSON.stringify(row), 'base64url') !== h) return null;
    }
    if (s < sealSeqs.length && sealSeqs[s] === seq) {
      sealHeads.push(h);
      s++;
    }
    prev = h;
    expected = seq + 1;
  }
  if (expected !== m.last + 1 || s !== sealSeqs.length || firstPrev === null || prev === null) return null;
  return { firstPrev, lastHash: prev, sealHeads };
}

port.on('message', (m: RangeRequest & { readonly id: number }) => {
  let result: WorkerReply['result'] = null;
  try {
    result = check(m);
  } catch {
    result = null;
  }
  const reply: WorkerReply = { id: m.id, result };
  port.postMessage(reply);
});
