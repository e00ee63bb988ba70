import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import {
  createAuthorityCertificate,
  generateSigningKeyPair,
  loadPrivateKey,
  SAMPLE_PURPOSE,
  uuidV7,
} from '../core/index.js';
import { createTransactionLog, type TransactionRecord } from '../exchange/index.js';
import { publicKeyId } from '../registry/index.js';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';

const LOCAL_CLIENT = 'VN-HP/GOV/STP/HTTT-LLTP';
const LOCAL_SERVICE = 'VN-HP/GOV/STP/HOTICH/khai-sinh';
const NATIONAL_SERVICE = 'VN/GOV/BCA/CSDLQG-DC/tra-cuu-cong-dan';
const NATIONAL_CLIENT = 'VN/GOV/BCA/NDXP';
const TRAFFIC = '/api/v1/federation/partners/VN/traffic';

function record(startedAt: number, overrides: Partial<TransactionRecord>): TransactionRecord {
  return {
    id: uuidV7(startedAt),
    startedAt,
    durationMs: 12,
    clientId: LOCAL_CLIENT,
    serviceId: NATIONAL_SERVICE,
    method: 'GET',
    path: '/cong-dan/001',
    query: null,
    status: 200,
    errorCode: null,
    requestBytes: 0,
    responseBytes: 512,
    requestBodyHash: null,
    responseBodyHash: null,
    requestHash: null,
    userId: null,
    subjectHash: null,
    purpose: null,
    traceId: null,
    ...overrides,
  };
}

interface TrafficView {
  partner: string;
  outbound: { calls: number; refused: number; sample: number; lastCallAt: string | null };
  inbound: { calls: number; refused: number; sample: number; lastCallAt: string | null };
  minutes: { minute: string; outbound: number; inbound: number }[];
}

for (const dialect of DIALECTS) {
  describe(`admin API traffic with a partner on ${dialect}`, () => {
    let api: ApiHarness;
    // A minute boundary well inside the default hour, so every call lands in the window.
    const minute = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
    beforeEach(async () => {
      api = await startApi(dialect);
      const key = generateSigningKeyPair();
      await api.registry.federation.partners.add(
        { id: 'system:test', remoteAddress: null },
        {
          format: 'cang-anchor/1',
          instance: 'VN',
          publicKey: key.publicKey,
          certificate: await createAuthorityCertificate(loadPrivateKey(key.privateKey), 'VN'),
          configurationUrls: ['https://x1.ndxp.example:8443/federation/v1/configuration'],
          generatedAt: Date.now(),
        },
      );
      const nodeKey = generateSigningKeyPair();
      const log = await createTransactionLog({
        store: api.store,
        nodeId: 'hp-node-1',
        signingKey: loadPrivateKey(nodeKey.privateKey),
        keyId: publicKeyId(nodeKey.publicKey),
        sealEveryEntries: 10,
        sealEverySeconds: 3600,
        groupCommitMaxEntries: 100,
      });
      await Promise.all(
        [
          record(minute + 1_000, {}),
          record(minute + 2_000, { status: 403, errorCode: 'access-denied' }),
          record(minute + 61_500, { purpose: SAMPLE_PURPOSE }),
          record(minute + 3_000, { clientId: NATIONAL_CLIENT, serviceId: LOCAL_SERVICE }),
          record(minute + 4_000, { clientId: LOCAL_CLIENT, serviceId: LOCAL_SERVICE }),
        ].map((entry) => log.append(entry)),
      );
      await log.close();
    });
    afterEach(() => api.close());

    it('shows a platform administrator the calls out to the partner and in from it, per minute', async () => {
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const traffic = await readJson<TrafficView>(await api.call('GET', TRAFFIC, { cookie: admin }));
      expect(traffic).toMatchObject({
        partner: 'VN',
        outbound: { calls: 3, refused: 1, sample: 1, lastCallAt: new Date(minute + 61_500).toISOString() },
        inbound: { calls: 1, refused: 0, sample: 0, lastCallAt: new Date(minute + 3_000).toISOString() },
      });
      expect(traffic.minutes).toEqual([
        { minute: new Date(minute).toISOString(), outbound: 2, inbound: 1 },
        { minute: new Date(minute + 60_000).toISOString(), outbound: 1, inbound: 0 },
      ]);
      // A window of the last minute holds none of it.
      const recent = await readJson<TrafficView>(
        await api.call('GET', `${TRAFFIC}?minutes=1`, { cookie: admin }),
      );
      expect(recent.outbound).toEqual({ calls: 0, refused: 0, sample: 0, lastCallAt: null });
      expect(recent.minutes).toEqual([]);
    });

    it('refuses an organisation administrator, who reads only its own traffic, and a leader', async () => {
      const orgAdmin = await api.sessionFor('stp-admin', [{ role: 'org-admin', scope: 'VN-HP/GOV/STP' }]);
      await expectRefusal(await api.call('GET', TRAFFIC, { cookie: orgAdmin }), 403, 'forbidden');
      const leader = await api.sessionFor('leader', [{ role: 'leader' }]);
      await expectRefusal(await api.call('GET', TRAFFIC, { cookie: leader }), 403, 'forbidden');
    });

    it('refuses a partner not trusted and a window past a day, naming the field', async () => {
      const auditor = await api.sessionFor('auditor', [{ role: 'auditor' }]);
      await expectRefusal(
        await api.call('GET', '/api/v1/federation/partners/VN-HN/traffic', { cookie: auditor }),
        404,
        'partner-unknown',
      );
      const problem = await expectRefusal(
        await api.call('GET', `${TRAFFIC}?minutes=1441`, { cookie: auditor }),
        400,
        'validation-failed',
      );
      expect(problem.errors?.map((error) => error.pointer)).toContain('/minutes');
    });
  });
}
