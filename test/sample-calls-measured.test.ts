import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PURPOSE } from '../src/core/index.js';
import { readTrafficStats } from '../src/exchange/index.js';
import { buildNodeKey, buildRecord, openLog } from '../src/exchange/log/test-support/log-fixtures.js';
import { PLATFORM_MEASURED_INDICATORS } from '../src/steering/indicators/seed/haiphong-indicators.js';
import {
  buildFixture,
  type IndicatorFixture,
  SECRETARIAT,
} from '../src/steering/test-support/steering-fixtures.js';
import { DIALECTS } from './support/dialects.js';

const MARCH = Date.UTC(2025, 2, 10, 2, 0);
const CLIENT = 'VN-HP/GOV/SNV/HRM';

/**
 * Sample calls end to end: the exchange's log keeps them and the traffic figures count them, apart
 * from real calls of the same minute, client, service and status; the steering workspace's measured
 * indicator of transactions counts only the real ones.
 */
for (const dialect of DIALECTS) {
  describe(`sample calls on ${dialect}`, () => {
    let fx: IndicatorFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('are counted in traffic but not in the measured transactions indicator', async () => {
      fx = await buildFixture(dialect);
      for (const indicator of PLATFORM_MEASURED_INDICATORS)
        await fx.indicators.create(SECRETARIAT, indicator);
      await fx.store.db
        .insertInto('organisations')
        .values({
          id: 'VN-HP/GOV/SNV',
          instance: 'VN-HP',
          member_class: 'GOV',
          code: 'SNV',
          name: 'Sở Nội vụ',
          agency_code: null,
          admin_code: null,
          created_at: MARCH,
          updated_at: MARCH,
        })
        .execute();
      const log = await openLog(fx.store, buildNodeKey());
      const call = (i: number, purpose: string) =>
        log.append(buildRecord({ startedAt: MARCH + i * 100, clientId: CLIENT, purpose }));
      await Promise.all([0, 1, 2].map((i) => call(i, 'TTHC-1.001')));
      // Two groups of sample calls: the second adds to the row the first made.
      await Promise.all([3, 4, 5].map((i) => call(i, SAMPLE_PURPOSE)));
      await Promise.all([6, 7].map((i) => call(i, SAMPLE_PURPOSE)));
      await log.close();

      const stats = await readTrafficStats(fx.store, { from: MARCH, to: MARCH + 60_000 });
      expect(stats.map((row) => ({ sample: row.sample, count: row.count }))).toEqual([
        { sample: false, count: 3 },
        { sample: true, count: 5 },
      ]);
      expect(await fx.store.db.selectFrom('log_entries').select('id').execute()).toHaveLength(8);

      const { values } = await fx.indicators.measure(SECRETARIAT, '2025-03');
      const transactions = values.find((value) => value.indicatorCode === 'EXC-01' && value.unitId === 'SNV');
      expect(transactions?.value).toBe(3);
    });
  });
}
