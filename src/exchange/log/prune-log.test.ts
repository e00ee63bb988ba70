import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { readAnchor } from './log-anchor.js';
import { pruneLog } from './prune-log.js';
import { appendSequentially, buildNodeKey, openLog } from './test-support/log-fixtures.js';
import { verifyLog } from './verify-log.js';

const NODE = 'hp-node-1';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);

for (const dialect of DIALECTS) {
  describe(`pruneLog on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('removes old entries up to a seal, anchors the chain, and verification still passes and still detects tampering', async () => {
      store = await createTestStore(dialect);
      const key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      // Entries 1–25 are old, 26–30 are recent.
      await appendSequentially(log, 25, {
        startedAt: T0,
        bodies: {
          request: Buffer.from('x'),
          response: null,
          requestTruncated: false,
          responseTruncated: false,
        },
      });
      await appendSequentially(log, 5, { startedAt: T0 + 40 * DAY });
      await log.close();

      const result = await pruneLog({ store, olderThan: T0 + 30 * DAY });
      expect(result.nodes).toEqual([{ nodeId: NODE, removed: 20, anchorSeq: 20 }]); // last seal within the old prefix
      expect(result.statsRemoved).toBe(1);
      const anchor = await readAnchor(store.db, NODE);
      expect(anchor?.seq).toBe(20);
      expect(await store.db.selectFrom('log_bodies').select('id').execute()).toHaveLength(5);
      expect(await store.db.selectFrom('traffic_minutes').select('minute').execute()).toEqual([
        { minute: T0 + 40 * DAY },
      ]);

      const after = await verifyLog({ store, publicKeys: key.publicKeys });
      expect(after).toMatchObject({ ok: true, entries: 10, seals: 2 });

      // The log resumes after the anchor even once every entry is pruned.
      await pruneLog({ store, olderThan: T0 + 50 * DAY });
      const reopened = await openLog(store, key);
      expect(reopened.head().seq).toBe(30);
      await appendSequentially(reopened, 2, { startedAt: T0 + 60 * DAY });
      await reopened.close();
      expect(await verifyLog({ store, publicKeys: key.publicKeys })).toMatchObject({ ok: true, entries: 2 });

      await store.db.updateTable('log_entries').set({ path: '/khac' }).where('seq', '=', 32).execute();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
        nodeId: NODE,
        seq: 32,
        reason: 'hash-mismatch',
      });
    });

    it('detects removal of the entry right after the anchor and a forged anchor', async () => {
      store = await createTestStore(dialect);
      const key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, 15, { startedAt: T0 });
      await appendSequentially(log, 5, { startedAt: T0 + 40 * DAY });
      await log.close();
      await pruneLog({ store, olderThan: T0 + 30 * DAY });

      await store.db.deleteFrom('log_entries').where('seq', '=', 11).execute();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
        nodeId: NODE,
        seq: 11,
        reason: 'missing-entry',
      });

      await store.db
        .updateTable('meta')
        .set({ value: JSON.stringify({ seq: 10, hash: 'z'.repeat(43) }) })
        .execute();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
        nodeId: NODE,
        seq: 10,
        reason: 'bad-seal',
      });
    });
  });
}
