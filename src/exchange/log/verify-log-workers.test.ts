import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signData } from '../../core/index.js';
import { createStore, type Store } from '../../store/index.js';
import { ChainChecker, type VerifyResult } from './chain-checker.js';
import { pruneLog } from './prune-log.js';
import { appendSequentially, buildNodeKey, openLog, type TestNodeKey } from './test-support/log-fixtures.js';
import { type VerifyLogOptions, verifyLog } from './verify-log.js';

const NODE = 'hp-node-1';

/*
 * verifyLog with worker threads (a SQLite file store): every verdict must be the one the single-thread
 * walk gives, whatever the tampering and wherever it falls relative to the ranges the workers check.
 */
describe('verifyLog with workers on a SQLite file', () => {
  let dir: string | undefined;
  let store: Store | undefined;
  let key: TestNodeKey;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function filled(count: number, options: { sealEveryEntries?: number } = {}): Promise<Store> {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'cang-verify-workers-'));
    store = createStore({ sqliteFile: join(dir, 'cang.sqlite') });
    await store.migrate();
    key = buildNodeKey();
    const log = await openLog(store, key, { sealEveryEntries: options.sealEveryEntries ?? 10 });
    await appendSequentially(log, count);
    await log.close();
    return store;
  }

  /** Verifies with 2 workers and without; both must agree. */
  async function verify(extra: Partial<VerifyLogOptions> = {}): Promise<VerifyResult> {
    const options = { store: store!, publicKeys: key.publicKeys, ...extra };
    const progress: number[] = [];
    const parallel = await verifyLog({ ...options, workers: 2, onProgress: (done) => progress.push(done) });
    const single = await verifyLog({ ...options, workers: 0 });
    expect(parallel).toEqual(single);
    expect(progress.every((done, i) => i === 0 || done >= progress[i - 1]!)).toBe(true);
    return parallel;
  }

  it('passes an untouched chain with the same counts as the single-thread walk', async () => {
    await filled(100);
    const runs = vi.spyOn(ChainChecker.prototype, 'tryPushRun');
    const result = await verify();
    // The workers vouched for every range (ranges of 4 entries: 100 / (2 workers × 16)).
    expect(runs.mock.results.filter((r) => r.value === true)).toHaveLength(25);
    runs.mockRestore();
    expect(result).toEqual({
      ok: true,
      entries: 100,
      seals: 10,
      nodes: [NODE],
      unsealed: { [NODE]: 0 },
    });
  });

  it('names edited entries, gaps and reorderings at the same seq as the single-thread walk', async () => {
    const s = await filled(100);
    for (const seq of [1, 4, 5, 37, 100]) {
      await s.db.updateTable('log_entries').set({ status: 599 }).where('seq', '=', seq).execute();
      expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq, reason: 'hash-mismatch' });
      await s.db.updateTable('log_entries').set({ status: 200 }).where('seq', '=', seq).execute();
    }
    expect((await verify()).ok).toBe(true);

    await s.db
      .updateTable('log_entries')
      .set({ prev_hash: 'x'.repeat(43) })
      .where('seq', '=', 41)
      .execute();
    expect((await verify()).firstBad).toMatchObject({ seq: 41 });

    const t = await filled(100);
    await t.db.deleteFrom('log_entries').where('seq', '=', 45).execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 45, reason: 'missing-entry' });
    await t.db.deleteFrom('log_entries').where('seq', '>=', 90).execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 45, reason: 'missing-entry' });

    const u = await filled(100);
    await u.db.deleteFrom('log_entries').where('seq', '>=', 95).execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 95, reason: 'missing-entry' });

    const v = await filled(100);
    await v.db.updateTable('log_entries').set({ seq: -5 }).where('seq', '=', 52).execute();
    await v.db.updateTable('log_entries').set({ seq: 52 }).where('seq', '=', 58).execute();
    await v.db.updateTable('log_entries').set({ seq: 58 }).where('seq', '=', -5).execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 52, reason: 'reordered' });
  });

  it('checks every seal: forged, unknown key, wrong head', async () => {
    const s = await filled(100);
    const forged = generateKeyPairSync('ed25519').privateKey;
    await s.db
      .updateTable('log_seals')
      .set({ signature: signData(forged, 'x') })
      .where('seq', '=', 60)
      .execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 60, reason: 'bad-seal' });
    const other = buildNodeKey('other-key');
    expect((await verify({ publicKeys: other.publicKeys })).firstBad).toMatchObject({
      seq: 10,
      reason: 'bad-seal',
    });

    const t = await filled(100);
    await t.db
      .updateTable('log_seals')
      .set({ head_hash: 'y'.repeat(43) })
      .where('seq', '=', 30)
      .execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 30, reason: 'bad-seal' });
  });

  it('counts an unsealed tail, verifies after a prune anchor, and handles several nodes', async () => {
    const s = await filled(90);
    const open = await openLog(s, key, { sealEveryEntries: 10 });
    await appendSequentially(open, 5);
    await open.flush();
    expect(await verify()).toMatchObject({ ok: true, entries: 95, seals: 9, unsealed: { [NODE]: 5 } });
    expect((await verify({ requireSealedTail: true })).firstBad).toEqual({
      nodeId: NODE,
      seq: 91,
      reason: 'unsealed-tail',
    });
    await open.close();

    const other = await openLog(s, key, { nodeId: 'hp-node-2', sealEveryEntries: 7 });
    await appendSequentially(other, 40);
    await other.close();
    expect(await verify()).toMatchObject({ ok: true, entries: 135, nodes: [NODE, 'hp-node-2'] });
    expect(await verify({ nodeId: 'hp-node-2' })).toMatchObject({ ok: true, entries: 40, seals: 6 });
    await s.db
      .updateTable('log_entries')
      .set({ path: '/khac' })
      .where('node_id', '=', 'hp-node-2')
      .where('seq', '=', 33)
      .execute();
    expect((await verify()).firstBad).toEqual({ nodeId: 'hp-node-2', seq: 33, reason: 'hash-mismatch' });

    const t = await filled(100);
    await pruneLog({ store: t, olderThan: Date.UTC(2030, 0, 1), force: true });
    const reopened = await openLog(t, key);
    await appendSequentially(reopened, 30);
    await reopened.close();
    expect(await verify()).toMatchObject({ ok: true, entries: 30 });
  });

  it('verifies control characters and non-ASCII text exactly as the canonical encoding does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cang-verify-workers-'));
    store = createStore({ sqliteFile: join(dir, 'cang.sqlite') });
    await store.migrate();
    key = buildNodeKey();
    const log = await openLog(store, key);
    await appendSequentially(log, 40, {
      path: '/hồ-sơ/\t\u0001"\\/\u2028',
      userId: 'Nguyễn Văn A 👩‍💼',
      query: 'a=\ud800',
    });
    await log.close();
    expect(await verify()).toMatchObject({ ok: true, entries: 40 });
    await store.db
      .updateTable('log_entries')
      .set({ path: '/hồ-sơ/\t\u0002"\\/\u2028' })
      .where('seq', '=', 22)
      .execute();
    expect((await verify()).firstBad).toEqual({ nodeId: NODE, seq: 22, reason: 'hash-mismatch' });
  });
});
