import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import type { Transaction } from 'kysely';
import { createStore, type Database, type Store } from '../../store/index.js';
import { genesisHash } from './entry-encoding.js';
import { appendSequentially, buildNodeKey, buildRecord, openLog } from './test-support/log-fixtures.js';
import { verifyLog } from './verify-log.js';

// Every dialect through the store, plus a SQLite file, where the log commits from its worker thread.
const fileDir = mkdtempSync(join(tmpdir(), 'cang-log-test-'));
afterAll(() => rmSync(fileDir, { recursive: true, force: true }));
let files = 0;
async function createFileStore(): Promise<Store> {
  const store = createStore({ sqliteFile: join(fileDir, `log-${++files}.sqlite`) });
  await store.migrate();
  return store;
}
const VARIANTS = [
  ...DIALECTS.map((dialect) => ({ name: dialect, worker: false, open: () => createTestStore(dialect) })),
  { name: 'a SQLite file (commit worker)', worker: true, open: createFileStore },
];

/** The stored sequence numbers of the fixture's node, in order. */
async function storedSeqs(store: Store): Promise<number[]> {
  const rows = await store.db.selectFrom('log_entries').select('seq').orderBy('seq').execute();
  return rows.map((r) => r.seq);
}

/**
 * The store with one difference: once armed, the next transaction commits and then throws, as when the
 * database goes away after COMMIT and before the client library reads the acknowledgement.
 */
function ackLostOnce(real: Store): { store: Store; arm(): void } {
  let armed = false;
  // Kysely's methods use private fields, so they run on the real instance.
  const db = new Proxy(real.db, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({
          execute: async <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
            const result = await target.transaction().execute(work);
            if (armed) {
              armed = false;
              throw new Error('Connection terminated unexpectedly');
            }
            return result;
          },
        });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    store: { ...real, db, sqliteFile: null },
    arm: () => {
      armed = true;
    },
  };
}

for (const variant of VARIANTS) {
  const dialect = variant.name;
  describe(`transaction log on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('numbers, chains and commits entries, and resumes the chain when reopened', async () => {
      store = await variant.open();
      const key = buildNodeKey();
      const first = await openLog(store, key);
      await appendSequentially(first, 3);
      await first.close();

      const rows = await store.db.selectFrom('log_entries').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect(rows[0]!.prev_hash).toBe(genesisHash('hp-node-1'));
      expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);

      const second = await openLog(store, key);
      expect(second.head()).toEqual({ seq: 3, hash: rows[2]!.hash });
      await appendSequentially(second, 2);
      await second.close();
      const seqs = await store.db.selectFrom('log_entries').select('seq').orderBy('seq').execute();
      expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      const result = await verifyLog({ store, publicKeys: key.publicKeys });
      expect(result).toMatchObject({ ok: true, entries: 5, nodes: ['hp-node-1'] });
    });

    it('commits 200 concurrent appends in a few group transactions, bodies included', async () => {
      store = await variant.open();
      const key = buildNodeKey();
      const log = await openLog(store, key, { groupCommitMaxEntries: 64, sealEveryEntries: 1000 });
      const records = Array.from({ length: 200 }, (_, i) =>
        buildRecord(
          i === 7
            ? {
                bodies: {
                  request: Buffer.from('{"a":1}'),
                  response: null,
                  requestTruncated: true,
                  responseTruncated: false,
                },
              }
            : {},
        ),
      );
      const appends = records.map((r) => log.append(r));
      expect(log.queueDepth()).toBe(200);
      await Promise.all(appends);
      expect(log.commits()).toBeLessThanOrEqual(8);
      expect(log.commits()).toBeGreaterThanOrEqual(4); // at most 64 per transaction
      expect(log.queueDepth()).toBe(0);
      const body = await store.db.selectFrom('log_bodies').selectAll().executeTakeFirstOrThrow();
      expect(body).toEqual({
        id: records[7]!.id,
        request_body: Buffer.from('{"a":1}').toString('base64'),
        response_body: null,
        request_truncated: 1,
        response_truncated: 0,
      });
      await log.close();
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).ok).toBe(true);
    });

    it('rejects every append of a group whose commit fails and continues the chain without a gap', async () => {
      store = await variant.open();
      const key = buildNodeKey();
      const errors: unknown[] = [];
      const log = await openLog(store, key, { onError: (e) => errors.push(e) });
      const taken = buildRecord();
      await log.append(taken);
      const headBefore = log.head();

      // 1. A duplicate transaction id fails the whole group's INSERT.
      const group = [buildRecord(), buildRecord({ id: taken.id }), buildRecord()].map((r) => log.append(r));
      const outcomes = await Promise.allSettled(group);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'internal' });
      expect(errors).toHaveLength(1);
      expect(log.head()).toEqual(headBefore);

      // 2. The next appends reuse seq 2…: no gap, no fork.
      await appendSequentially(log, 2);
      await log.close();
      const seqs = await store.db.selectFrom('log_entries').select('seq').orderBy('seq').execute();
      expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect(await store.db.selectFrom('traffic_minutes').select('count').execute()).toEqual([{ count: 3 }]);
      expect((await verifyLog({ store, publicKeys: key.publicKeys })).ok).toBe(true);
    });

    // The worker holds a connection of its own, so closing the store's cannot fail its commits.
    if (!variant.worker) {
      it('rejects the group when the store is gone', async () => {
        store = await variant.open();
        const key = buildNodeKey();
        const errors: unknown[] = [];
        const log = await openLog(store, key, { onError: (e) => errors.push(e) });
        await log.append(buildRecord());
        await store.close();
        await expect(log.append(buildRecord())).rejects.toMatchObject({ code: 'internal' });
        expect(log.head().seq).toBe(1);
        expect(errors).toHaveLength(1);
        store = undefined;
        // Closing still resolves; its final seal cannot be written either, and that is reported too.
        await log.close();
        expect(errors).toHaveLength(2);
        expect(errors[1]).toMatchObject({ code: 'internal' });
      });
    }

    // The worker commits on a connection of its own, which this wrapper of the store's cannot reach.
    if (!variant.worker) {
      it('numbers from the stored head after a commit whose acknowledgement was lost', async () => {
        store = await variant.open();
        const key = buildNodeKey();
        const errors: unknown[] = [];
        const cut = ackLostOnce(store);
        const log = await openLog(cut.store, key, { onError: (e) => errors.push(e) });
        const answered = [buildRecord()];
        await log.append(answered[0]!);

        // 1. The database commits the group, then the connection drops before the client sees it.
        cut.arm();
        const lost = [buildRecord(), buildRecord()];
        const outcomes = await Promise.allSettled(lost.map((r) => log.append(r)));
        expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
        expect(errors).toHaveLength(1);
        expect(await storedSeqs(store)).toEqual([1, 2, 3]);

        // 2. The next groups go on from the stored entries, not from the head held before the failure.
        for (let i = 0; i < 3; i++) {
          const record = buildRecord();
          await log.append(record);
          answered.push(record);
        }
        await log.close();
        expect(errors).toHaveLength(1);
        expect(await storedSeqs(store)).toEqual([1, 2, 3, 4, 5, 6]);
        const ids = await store.db.selectFrom('log_entries').select('id').execute();
        expect(ids.map((r) => r.id)).toEqual(expect.arrayContaining(answered.map((r) => r.id)));
        const result = await verifyLog({ store, publicKeys: key.publicKeys });
        expect(result).toMatchObject({ ok: true, entries: 6 });
      });
    }

    it('refuses appends after close', async () => {
      store = await variant.open();
      const log = await openLog(store, buildNodeKey());
      await log.append(buildRecord());
      await log.close();
      await expect(log.append(buildRecord())).rejects.toMatchObject({ code: 'not-ready' });
      expect(log.head().seq).toBe(1);
    });

    it('seals every N entries in the group transaction, on a timer, and on close', async () => {
      store = await variant.open();
      const key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, 25);
      let seals = await store.db.selectFrom('log_seals').select(['seq', 'key_id']).orderBy('seq').execute();
      expect(seals).toEqual([
        { seq: 10, key_id: key.keyId },
        { seq: 20, key_id: key.keyId },
      ]);
      await log.close();
      seals = await store.db.selectFrom('log_seals').select(['seq', 'key_id']).orderBy('seq').execute();
      expect(seals.map((s) => s.seq)).toEqual([10, 20, 25]);
      const result = await verifyLog({ store, publicKeys: key.publicKeys, requireSealedTail: true });
      expect(result).toMatchObject({ ok: true, entries: 25, seals: 3, unsealed: { 'hp-node-1': 0 } });

      // The timer seals once the head has been unsealed for sealEverySeconds on the log's clock.
      let clock = Date.UTC(2026, 10, 26, 9, 30, 0);
      const timed = await openLog(store, key, {
        nodeId: 'hp-node-2',
        sealEverySeconds: 0.05,
        now: () => clock,
      });
      await timed.append(buildRecord());
      clock += 50;
      const timedSeals = () =>
        store!.db.selectFrom('log_seals').select('seq').where('node_id', '=', 'hp-node-2').execute();
      await waitUntil(async () => (await timedSeals()).length > 0, 'the timer sealed the head');
      expect(await timedSeals()).toEqual([{ seq: 1 }]);
      await timed.close();
      expect(await timedSeals()).toEqual([{ seq: 1 }]);
    });
  });
}
