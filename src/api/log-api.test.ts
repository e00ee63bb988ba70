import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { generateSigningKeyPair, loadPrivateKey, SAMPLE_PURPOSE, uuidV7 } from '../core/index.js';
import { createTransactionLog, type TransactionRecord } from '../exchange/index.js';
import { publicKeyId } from '../registry/index.js';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from './test-support/expect-refusal.js';

const PROVIDER_ORG = 'VN-HP/GOV/Q-LECHAN';
const SERVICE = `${PROVIDER_ORG}/HTTT-HOTICH/tra-cuu-ho-gia-dinh`;
const CLIENT = 'VN-HP/GOV/STP/HTTT-LLTP';
const MINUTE = Date.UTC(2026, 10, 26, 9, 30, 0);

function record(i: number, overrides: Partial<TransactionRecord> = {}): TransactionRecord {
  return {
    id: uuidV7(MINUTE + i),
    startedAt: MINUTE + i,
    durationMs: 5 + i,
    clientId: CLIENT,
    serviceId: SERVICE,
    method: 'GET',
    path: `/households/HP-305-${i}`,
    query: null,
    status: i % 3 === 0 ? 403 : 200,
    errorCode: i % 3 === 0 ? 'access-denied' : null,
    requestBytes: 0,
    responseBytes: 1024,
    requestBodyHash: null,
    responseBodyHash: null,
    requestHash: null,
    userId: null,
    subjectHash: null,
    // The last five are sample calls: counted in traffic apart from the real ones.
    purpose: i >= 25 ? SAMPLE_PURPOSE : 'demo',
    traceId: null,
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`log and stats API on ${dialect}`, () => {
    let api: ApiHarness;
    beforeEach(async () => {
      api = await startApi(dialect);
      const keys = generateSigningKeyPair();
      const actor = { id: 'system:test' };
      await api.registry.nodes.register(actor, { id: 'hp-node-1', name: 'Node 1' });
      await api.registry.nodes.addKey(actor, 'hp-node-1', { publicKey: keys.publicKey });
      const log = await createTransactionLog({
        store: api.store,
        nodeId: 'hp-node-1',
        signingKey: loadPrivateKey(keys.privateKey),
        keyId: publicKeyId(keys.publicKey),
        sealEveryEntries: 10,
        sealEverySeconds: 3600,
        groupCommitMaxEntries: 100,
      });
      await Promise.all(Array.from({ length: 30 }, (_, i) => log.append(record(i))));
      await log.close();
    });
    afterEach(() => api.close());

    it('pages through the log newest first and filters by status', async () => {
      const admin = await api.sessionFor('quantri', [{ role: 'platform-admin' }]);
      const first = await readJson<{ items: { seq: number; startedAt: string }[]; nextCursor: string }>(
        await api.call('GET', '/api/v1/log?limit=20', { cookie: admin }),
      );
      expect(first.items).toHaveLength(20);
      expect(first.items[0]!.startedAt > first.items[19]!.startedAt).toBe(true);
      const second = await readJson<{ items: unknown[]; nextCursor: string | null }>(
        await api.call('GET', `/api/v1/log?limit=20&cursor=${first.nextCursor}`, { cookie: admin }),
      );
      expect(second.items).toHaveLength(10);
      expect(second.nextCursor).toBeNull();
      const refused = await readJson<{ items: { status: number }[] }>(
        await api.call('GET', '/api/v1/log?status=403', { cookie: admin }),
      );
      expect(refused.items).toHaveLength(10);
      expect(refused.items.every((i) => i.status === 403)).toBe(true);
    });

    it('refuses a cursor the log did not issue with 400 validation-failed instead of restarting from the newest entry', async () => {
      const admin = await api.sessionFor('quantri', [{ role: 'platform-admin' }]);
      const forged = Buffer.from('1767225600000|x').toString('base64url');
      const response = await api.call('GET', `/api/v1/log?cursor=${forged}`, { cookie: admin });
      const problem = await expectRefusal(response, 400, 'validation-failed');
      expect(problem.errors).toEqual([{ pointer: '/cursor', detail: 'not a cursor returned by this list' }]);
    });

    it('verifies the chain for an auditor and names the first bad sequence number after tampering', async () => {
      const auditor = await api.sessionFor('kiemtoan', [{ role: 'auditor' }]);
      const ok = await readJson<{ ok: boolean; entries: number; seals: number }>(
        await api.call('POST', '/api/v1/log/verify', { cookie: auditor }),
      );
      expect(ok).toMatchObject({ ok: true, entries: 30 });
      expect(ok.seals).toBeGreaterThan(0);
      await api.store.db.updateTable('log_entries').set({ status: 500 }).where('seq', '=', 12).execute();
      const bad = await readJson<{ ok: boolean; firstBad: { seq: number } }>(
        await api.call('POST', '/api/v1/log/verify', { cookie: auditor }),
      );
      expect(bad.ok).toBe(false);
      expect(bad.firstBad.seq).toBe(12);
    });

    it('refuses the log to an organisation administrator and verification to a unit reporter', async () => {
      const orgAdmin = await api.sessionFor('lechan', [{ role: 'org-admin', scope: PROVIDER_ORG }]);
      const reporter = await api.sessionFor('baocao', [{ role: 'unit-reporter', scope: 'Q-LECHAN' }]);
      await expectNothingWritten(api.store, ['log_entries', 'log_seals'], async () => {
        await expectRefusal(await api.call('GET', '/api/v1/log', { cookie: orgAdmin }), 403, 'forbidden');
        await expectRefusal(
          await api.call('POST', '/api/v1/log/verify', { cookie: reporter }),
          403,
          'forbidden',
        );
        await expectRefusal(await api.call('GET', '/api/v1/log'), 401, 'unauthenticated');
        await expectRefusal(await api.call('POST', '/api/v1/log/verify'), 401, 'unauthenticated');
      });
    });

    it('counts traffic per minute, for the providing organisation too but not for another', async () => {
      const window = `from=${new Date(MINUTE - 60_000).toISOString()}&to=${new Date(MINUTE + 120_000).toISOString()}`;
      const owner = await api.sessionFor('lechan', [{ role: 'org-admin', scope: PROVIDER_ORG }]);
      const stats = await readJson<{
        items: { status: number; sample: boolean; count: number; p99Ms: number }[];
      }>(await api.call('GET', `/api/v1/stats?${window}&service=${SERVICE}`, { cookie: owner }));
      const byStatus = Object.fromEntries(
        stats.items.map((s) => [`${s.status}${s.sample ? ' sample' : ''}`, s.count]),
      );
      // Calls 25 to 29 are sample ones: 27 refused, the other four served.
      expect(byStatus).toEqual({ 200: 16, 403: 9, '200 sample': 4, '403 sample': 1 });
      const stranger = await api.sessionFor('haian', [{ role: 'org-admin', scope: 'VN-HP/GOV/Q-HAIAN' }]);
      const refused = await api.call('GET', `/api/v1/stats?${window}&service=${SERVICE}`, {
        cookie: stranger,
      });
      await expectRefusal(refused, 403, 'forbidden');
    });

    it('answers an empty window with a problem naming the field', async () => {
      const admin = await api.sessionFor('quantri', [{ role: 'platform-admin' }]);
      const response = await api.call(
        'GET',
        `/api/v1/stats?from=${new Date(MINUTE).toISOString()}&to=${new Date(MINUTE - 1).toISOString()}`,
        { cookie: admin },
      );
      const problem = await expectRefusal(response, 400, 'validation-failed');
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/from']);
    });
  });
}
