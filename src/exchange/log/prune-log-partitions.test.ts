import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { exportVerifiedLog } from './export-coverage.js';
import { readAnchor } from './log-anchor.js';
import { listLogPartitions } from './log-partitions.js';
import { pruneLog } from './prune-log.js';
import { appendSequentially, buildNodeKey, openLog, type TestNodeKey } from './test-support/log-fixtures.js';
import { verifyLog } from './verify-log.js';

const NODE = 'hp-node-1';
const SEPTEMBER = Date.UTC(2026, 8, 10);
const OCTOBER = Date.UTC(2026, 9, 10);
const NOVEMBER = Date.UTC(2026, 10, 10);
const DECEMBER = Date.UTC(2026, 11, 1);

const months = async (store: Store) =>
  (await listLogPartitions(store.db)).map((p) => p.name).filter((n) => n < 'log_entries_y2026m12');

describe('pruneLog on postgres drops whole months', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  /** 10 entries in September (1–10), 10 in October (11–20), 5 in November (21–25), sealed every 5. */
  async function fill(key: TestNodeKey): Promise<Store> {
    const s = await createTestStore('postgres');
    const log = await openLog(s, key, { sealEveryEntries: 5 });
    await appendSequentially(log, 10, {
      startedAt: SEPTEMBER,
      bodies: {
        request: Buffer.from('x'),
        response: null,
        requestTruncated: false,
        responseTruncated: false,
      },
    });
    await appendSequentially(log, 10, { startedAt: OCTOBER });
    await appendSequentially(log, 5, { startedAt: NOVEMBER });
    await log.close();
    return s;
  }

  function exporter(key: TestNodeKey) {
    const dir = mkdtempSync(join(tmpdir(), 'cang-prune-months-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return (from: number, to: number) =>
      exportVerifiedLog({
        store: store!,
        file: join(dir, `${from}-${to}.ndjson.gz`),
        signingKey: key.privateKey,
        keyId: key.keyId,
        from,
        to,
      });
  }

  it('drops the months a verified export covers, anchors the chain at the last dropped entry, and the chain still verifies', async () => {
    const key = buildNodeKey();
    store = await fill(key);
    await exporter(key)(1, 20);

    const result = await pruneLog({ store, olderThan: DECEMBER });
    // November is past the retention period too, but no verified export covers it.
    expect(result.nodes).toEqual([{ nodeId: NODE, removed: 20, anchorSeq: 20, awaitingExport: 5 }]);
    expect(await months(store)).toEqual(['log_entries_y2026m11']);
    expect((await readAnchor(store.db, NODE))?.seq).toBe(20);
    expect(await store.db.selectFrom('log_bodies').select('id').execute()).toEqual([]);
    expect(await verifyLog({ store, publicKeys: key.publicKeys })).toMatchObject({ ok: true, entries: 5 });

    // The log resumes after what is left, and a tampered entry is still named.
    const reopened = await openLog(store, key);
    expect(reopened.head().seq).toBe(25);
    await reopened.close();
    await store.db.updateTable('log_entries').set({ path: '/khac' }).where('seq', '=', 22).execute();
    expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
      nodeId: NODE,
      seq: 22,
      reason: 'hash-mismatch',
    });
  });

  it('keeps a month that a verified export covers only in part, and every month after it', async () => {
    const key = buildNodeKey();
    store = await fill(key);
    await exporter(key)(1, 15);

    const result = await pruneLog({ store, olderThan: DECEMBER });
    expect(result.nodes).toEqual([{ nodeId: NODE, removed: 10, anchorSeq: 10, awaitingExport: 10 }]);
    expect(await months(store)).toEqual(['log_entries_y2026m10', 'log_entries_y2026m11']);
    expect(await verifyLog({ store, publicKeys: key.publicKeys })).toMatchObject({ ok: true, entries: 15 });
  });

  it('removes nothing that no verified export covers, and keeps a month that has not ended by the cut-off', async () => {
    const key = buildNodeKey();
    store = await fill(key);
    const uncovered = await pruneLog({ store, olderThan: DECEMBER });
    expect(uncovered.nodes).toEqual([{ nodeId: NODE, removed: 0, anchorSeq: 0, awaitingExport: 25 }]);

    // Forced, up to mid-October: only September has ended by then.
    const forced = await pruneLog({ store, olderThan: Date.UTC(2026, 9, 20), force: true });
    expect(forced.nodes).toEqual([{ nodeId: NODE, removed: 10, anchorSeq: 10, awaitingExport: 0 }]);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM log_entries`.execute(store.db);
    expect(Number(rows[0]!.n)).toBe(15);
  });
});
