import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { appendSequentially, buildNodeKey, openLog, type TestNodeKey } from './test-support/log-fixtures.js';
import { verifyLog } from './verify-log.js';

const NODE = 'hp-node-1';

for (const dialect of DIALECTS) {
  describe(`verifyLog on ${dialect}`, () => {
    let store: Store;
    let key: TestNodeKey;
    afterEach(async () => {
      await store?.close();
    });

    async function filled(count = 30): Promise<void> {
      store = await createTestStore(dialect);
      key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, count);
      await log.close();
    }

    const verify = () => verifyLog({ store, publicKeys: key.publicKeys });

    it('passes an untouched chain and reports progress', async () => {
      await filled();
      const progress: number[] = [];
      const result = await verifyLog({
        store,
        publicKeys: key.publicKeys,
        onProgress: (done) => progress.push(done),
      });
      expect(result).toEqual({ ok: true, entries: 30, seals: 3, nodes: [NODE], unsealed: { [NODE]: 0 } });
      expect(progress.at(-1)).toBe(30);
    });

    it('names the seq of an edited entry, whatever field was edited', async () => {
      await filled();
      await store.db.updateTable('log_entries').set({ status: 500 }).where('seq', '=', 7).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 7, reason: 'hash-mismatch' });
      await store.db
        .updateTable('log_entries')
        .set({ status: 200, duration_ms: 12.3450001 })
        .where('seq', '=', 7)
        .execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 7, reason: 'hash-mismatch' });
      await store.db
        .updateTable('log_entries')
        .set({ duration_ms: 12.345, prev_hash: 'x'.repeat(43) })
        .where('seq', '=', 4)
        .execute();
      expect((await verify()).firstBad).toMatchObject({ seq: 4 });
    });

    it('names the gap left by a removed entry, also at the sealed tail', async () => {
      await filled();
      await store.db.deleteFrom('log_entries').where('seq', '=', 12).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 12, reason: 'missing-entry' });
      await filled();
      await store.db.deleteFrom('log_entries').where('seq', '>=', 28).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 28, reason: 'missing-entry' });
    });

    it('reports reordered entries at the first seq, whether seqs or contents were swapped', async () => {
      await filled();
      // 1. Renumber: 5 ↔ 8.
      await store.db.updateTable('log_entries').set({ seq: -5 }).where('seq', '=', 5).execute();
      await store.db.updateTable('log_entries').set({ seq: 5 }).where('seq', '=', 8).execute();
      await store.db.updateTable('log_entries').set({ seq: 8 }).where('seq', '=', -5).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 5, reason: 'reordered' });

      // 2. Swap every column but the key between 14 and 16, hashes left in place.
      await filled();
      const [a, b] = await Promise.all(
        [14, 16].map((seq) =>
          store.db.selectFrom('log_entries').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow(),
        ),
      );
      const content = (r: typeof a) => ({
        ...r,
        node_id: undefined,
        seq: undefined,
        prev_hash: undefined,
        hash: undefined,
        id: `${r!.id}-x`,
      });
      await store.db.updateTable('log_entries').set(content(b)).where('seq', '=', 14).execute();
      await store.db.updateTable('log_entries').set(content(a)).where('seq', '=', 16).execute();
      await store.db.updateTable('log_entries').set({ id: b!.id }).where('seq', '=', 14).execute();
      await store.db.updateTable('log_entries').set({ id: a!.id }).where('seq', '=', 16).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 14, reason: 'reordered' });
    });

    it('detects a forged seal, a seal by an unknown key and a seal that names the wrong head', async () => {
      await filled();
      const forged = generateKeyPairSync('ed25519').privateKey;
      const { signData } = await import('../../core/index.js');
      await store.db
        .updateTable('log_seals')
        .set({ signature: signData(forged, 'x') })
        .where('seq', '=', 20)
        .execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 20, reason: 'bad-seal' });
      const other = buildNodeKey('other-key');
      expect((await verifyLog({ store, publicKeys: other.publicKeys })).firstBad).toMatchObject({
        seq: 10,
        reason: 'bad-seal',
      });

      await filled();
      await store.db
        .updateTable('log_seals')
        .set({ head_hash: 'y'.repeat(43) })
        .where('seq', '=', 10)
        .execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 10, reason: 'bad-seal' });
    });

    it('flags an unsealed tail only when asked to', async () => {
      store = await createTestStore(dialect);
      key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, 13);
      await log.flush();
      expect(await verify()).toMatchObject({ ok: true, unsealed: { [NODE]: 3 } });
      expect(
        (await verifyLog({ store, publicKeys: key.publicKeys, requireSealedTail: true })).firstBad,
      ).toEqual({
        nodeId: NODE,
        seq: 11,
        reason: 'unsealed-tail',
      });
      await log.close();
    });

    it('verifies entries with control characters and non-ASCII text, and detects edits to them', async () => {
      store = await createTestStore(dialect);
      key = buildNodeKey();
      const log = await openLog(store, key);
      await appendSequentially(log, 3, {
        path: '/hồ-sơ/\t\u0001"\\/\u2028',
        userId: 'Nguyễn Văn A 👩‍💼',
        query: 'a=\ud800',
      });
      await log.close();
      expect(await verify()).toMatchObject({ ok: true, entries: 3 });
      await store.db
        .updateTable('log_entries')
        .set({ path: '/hồ-sơ/\t\u0002"\\/\u2028' })
        .where('seq', '=', 2)
        .execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 2, reason: 'hash-mismatch' });
    });
  });
}
