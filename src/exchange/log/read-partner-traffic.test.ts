import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS } from '../../../test/support/dialects.js';
import { SAMPLE_PURPOSE } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { readPartnerTraffic } from './read-partner-traffic.js';
import { buildNodeKey, buildRecord, openLog } from './test-support/log-fixtures.js';

const MINUTE = Date.UTC(2026, 11, 2, 8, 0);
const LOCAL_CLIENT = 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA';
const LOCAL_SERVICE = 'VN-HP/GOV/000.00.01.H26/DVC/tra-cuu-ho-so';
const NATIONAL_SERVICE = 'VN/GOV/000.00.00.G10/CSDLQG-DC/tra-cuu-cong-dan';
const NATIONAL_CLIENT = 'VN/GOV/000.00.00.G10/NDXP';

for (const dialect of DIALECTS) {
  describe(`traffic with a partner on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('counts the calls out to the partner and in from it, the refused ones, and the latest of each', async () => {
      store = await createTestStore(dialect);
      const log = await openLog(store, buildNodeKey());
      const out = (startedAt: number, status = 200, purpose = 'TTHC-1.001') =>
        buildRecord({ startedAt, status, purpose, clientId: LOCAL_CLIENT, serviceId: NATIONAL_SERVICE });
      const into = (startedAt: number, status = 200) =>
        buildRecord({ startedAt, status, clientId: NATIONAL_CLIENT, serviceId: LOCAL_SERVICE });
      const records = [
        out(MINUTE + 1_000),
        out(MINUTE + 2_000, 403),
        out(MINUTE + 61_000, 200, SAMPLE_PURPOSE),
        out(MINUTE + 75_500, 502),
        into(MINUTE + 5_000),
        into(MINUTE + 6_000, 404),
        into(MINUTE + 7_250),
        // Neither: a local call, and calls of instances whose names merely start like the partner's.
        buildRecord({ startedAt: MINUTE + 80_000, clientId: LOCAL_CLIENT, serviceId: LOCAL_SERVICE }),
        buildRecord({ startedAt: MINUTE + 90_000, serviceId: 'VNX/GOV/BCA/DC/tra-cuu' }),
        buildRecord({ startedAt: MINUTE + 90_000, serviceId: 'vn/GOV/BCA/DC/tra-cuu' }),
        buildRecord({ startedAt: MINUTE + 90_000, clientId: 'VN-HP2/GOV/STP/HOTICH' }),
        // Outside the window.
        out(MINUTE + 180_000),
        into(MINUTE - 1),
      ];
      await Promise.all(records.map((record) => log.append(record)));
      await log.close();

      const traffic = await readPartnerTraffic(store, { partner: 'VN', from: MINUTE, to: MINUTE + 120_000 });
      expect(traffic.outbound).toEqual({ calls: 4, refused: 2, sample: 1, lastCallAt: MINUTE + 75_500 });
      expect(traffic.inbound).toEqual({ calls: 3, refused: 1, sample: 0, lastCallAt: MINUTE + 7_250 });
      expect(traffic.minutes).toEqual([
        { minute: MINUTE, outbound: 2, inbound: 3 },
        { minute: MINUTE + 60_000, outbound: 2, inbound: 0 },
      ]);
    });

    it('answers no calls and no latest call for a partner without traffic in the window', async () => {
      store = await createTestStore(dialect);
      const log = await openLog(store, buildNodeKey());
      await log.append(buildRecord({ startedAt: MINUTE + 1_000, serviceId: NATIONAL_SERVICE }));
      await log.close();
      const later = await readPartnerTraffic(store, {
        partner: 'VN',
        from: MINUTE + 60_000,
        to: MINUTE + 120_000,
      });
      expect(later).toEqual({
        outbound: { calls: 0, refused: 0, sample: 0, lastCallAt: null },
        inbound: { calls: 0, refused: 0, sample: 0, lastCallAt: null },
        minutes: [],
      });
    });
  });
}
