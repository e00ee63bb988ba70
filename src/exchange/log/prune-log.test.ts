import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { exportVerifiedLog, readExportCoverage } from './export-coverage.js';
import { readAnchor } from './log-anchor.js';
import { pruneLog } from './prune-log.js';
import { appendSequentially, buildNodeKey, openLog } from './test-support/log-fixtures.js';
import { verifyLog } from './verify-log.js';

const NODE = 'hp-node-1';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);

// Row by row on SQLite; PostgreSQL drops whole month partitions instead (prune-log-partitions.test.ts).
for (const dialect of ['sqlite'] as const) {
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

      const result = await pruneLog({ store, olderThan: T0 + 30 * DAY, force: true });
      // The last seal within the old prefix.
      expect(result.nodes).toEqual([{ nodeId: NODE, removed: 20, anchorSeq: 20, awaitingExport: 0 }]);
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
      await pruneLog({ store, olderThan: T0 + 50 * DAY, force: true });
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

    it('removes nothing that no verified export covers, and says how much waits for one', async () => {
      store = await createTestStore(dialect);
      const log = await openLog(store, buildNodeKey(), { sealEveryEntries: 10 });
      await appendSequentially(log, 25, { startedAt: T0 });
      await appendSequentially(log, 5, { startedAt: T0 + 40 * DAY });
      await log.close();
      const result = await pruneLog({ store, olderThan: T0 + 30 * DAY });
      expect(result.nodes).toEqual([{ nodeId: NODE, removed: 0, anchorSeq: 0, awaitingExport: 25 }]);
      expect(await store.db.selectFrom('log_entries').select('seq').execute()).toHaveLength(30);
    });

    it('prunes as far as verified exports cover the chain, which grows only without gaps', async () => {
      store = await createTestStore(dialect);
      const key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 5 });
      await appendSequentially(log, 25, { startedAt: T0 });
      await appendSequentially(log, 5, { startedAt: T0 + 40 * DAY });
      await log.close();
      const dir = mkdtempSync(join(tmpdir(), 'cang-prune-export-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      const exportRange = (from: number, to: number) =>
        exportVerifiedLog({
          store: store!,
          file: join(dir, `${from}-${to}.ndjson.gz`),
          signingKey: key.privateKey,
          keyId: key.keyId,
          from,
          to,
        });

      // An archive that starts past what is covered leaves a gap: it covers nothing.
      expect((await exportRange(6, 30)).coverage).toEqual({ [NODE]: 0 });
      expect((await exportRange(1, 12)).coverage).toEqual({ [NODE]: 12 });
      expect((await readExportCoverage(store.db, NODE))?.seq).toBe(12);

      const first = await pruneLog({ store, olderThan: T0 + 30 * DAY });
      // Covered up to 12, cut at the last seal within it (10); 13–25 wait for an export.
      expect(first.nodes).toEqual([{ nodeId: NODE, removed: 10, anchorSeq: 10, awaitingExport: 13 }]);

      expect((await exportRange(11, 30)).coverage).toEqual({ [NODE]: 30 });
      const second = await pruneLog({ store, olderThan: T0 + 30 * DAY });
      expect(second.nodes).toEqual([{ nodeId: NODE, removed: 15, anchorSeq: 25, awaitingExport: 0 }]);
      expect(await verifyLog({ store, publicKeys: key.publicKeys })).toMatchObject({ ok: true, entries: 5 });
    });

    it('detects removal of the entry right after the anchor and a forged anchor', async () => {
      store = await createTestStore(dialect);
      const key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, 15, { startedAt: T0 });
      await appendSequentially(log, 5, { startedAt: T0 + 40 * DAY });
      await log.close();
      await pruneLog({ store, olderThan: T0 + 30 * DAY, force: true });

      await store.db.deleteFrom('log_entries').where('seq', '=', 11).execute();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
        nodeId: NODE,
        seq: 11,
        reason: 'missing-entry',
      });

      await store.db
        .updateTable('meta')
        .set({ value: JSON.stringify({ seq: 10, hash: 'z'.repeat(43) }) })
        .where('key', '=', `log-anchor:${NODE}`)
        .execute();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).firstBad).toEqual({
        nodeId: NODE,
        seq: 10,
        reason: 'bad-seal',
      });
    });
  });
}
