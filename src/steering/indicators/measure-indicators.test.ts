import { createIndicatorCommands } from './create-indicator-commands.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { PLATFORM_MEASURED_INDICATORS } from './seed/haiphong-indicators.js';
import {
  SECRETARIAT,
  auditCount,
  buildFixture,
  DIALECTS,
  expectCangError,
  type IndicatorFixture,
  NOW,
} from '../test-support/steering-fixtures.js';

const at = (iso: string): number => Date.parse(iso);

async function insertRegistry(db: Kysely<Database>): Promise<void> {
  const stamp = { created_at: at('2024-01-10T00:00:00Z'), updated_at: at('2024-01-10T00:00:00Z') };
  await db
    .insertInto('organisations')
    .values(
      ['SNV', 'STP', 'UBND-HP'].map((code) => ({
        id: `VN-HP/GOV/${code}`,
        instance: 'VN-HP',
        member_class: 'GOV',
        code,
        name: code,
        agency_code: null,
        admin_code: null,
        ...stamp,
      })),
    )
    .execute();
  await db
    .insertInto('systems')
    .values([
      {
        id: 'VN-HP/GOV/SNV/HRM',
        sample: 0,
        organisation_id: 'VN-HP/GOV/SNV',
        code: 'HRM',
        name: 'Quản lý cán bộ',
        ...stamp,
      },
      {
        id: 'VN-HP/GOV/SNV/VBDH',
        sample: 0,
        organisation_id: 'VN-HP/GOV/SNV',
        code: 'VBDH',
        name: 'Văn bản điều hành',
        ...stamp,
      },
      // Registered after 2024: not counted for 2024.
      {
        id: 'VN-HP/GOV/SNV/MOI',
        sample: 0,
        organisation_id: 'VN-HP/GOV/SNV',
        code: 'MOI',
        name: 'Hệ thống mới',
        created_at: at('2025-02-01T00:00:00Z'),
        updated_at: at('2025-02-01T00:00:00Z'),
      },
      {
        id: 'VN-HP/GOV/STP/HOTICH',
        sample: 0,
        organisation_id: 'VN-HP/GOV/STP',
        code: 'HOTICH',
        name: 'Hộ tịch',
        ...stamp,
      },
    ])
    .execute();
  const service = (system: string, code: string, enabled: number) => ({
    id: `${system}/${code}`,
    sample: 0,
    system_id: system,
    code,
    name: code,
    base_url: 'http://127.0.0.1:9',
    openapi: null,
    enabled,
    timeout_ms: 5000,
    max_body_bytes: 1_000_000,
    log_bodies: 0,
    ...stamp,
  });
  await db
    .insertInto('services')
    .values([
      service('VN-HP/GOV/SNV/HRM', 'can-bo', 1),
      service('VN-HP/GOV/SNV/HRM', 'luong', 0),
      service('VN-HP/GOV/STP/HOTICH', 'khai-sinh', 1),
      service('VN-HP/GOV/STP/HOTICH', 'ket-hon', 1),
    ])
    .execute();
  const minute = (iso: string, client: string, status: number, count: number, sample = 0, node = 'hp-1') => ({
    node_id: node,
    minute: at(iso),
    client_id: client,
    service_id: 'VN-HP/GOV/STP/HOTICH/khai-sinh',
    status,
    count,
    total_ms: count * 10,
    latency_buckets: '[]',
    sample,
  });
  await db
    .insertInto('traffic_minutes')
    .values([
      // Each exchange node keeps its own rows of a minute: 25 + 15 calls.
      minute('2024-03-01T02:00:00Z', 'VN-HP/GOV/SNV/HRM', 200, 25),
      minute('2024-03-01T02:00:00Z', 'VN-HP/GOV/SNV/HRM', 200, 15, 0, 'hp-2'),
      // Sample calls of the same minute, client, service and status: real calls, but not the unit's.
      minute('2024-03-01T02:00:00Z', 'VN-HP/GOV/SNV/HRM', 200, 500, 1),
      minute('2024-05-01T00:00:00Z', 'VN-HP/GOV/STP/HOTICH', 200, 300, 1),
      minute('2024-03-01T02:01:00Z', 'VN-HP/GOV/SNV/HRM', 403, 2),
      minute('2024-11-30T08:00:00Z', 'VN-HP/GOV/SNV/VBDH', 200, 8),
      // 2024-12-31 23:30 in Hải Phòng is still 2024; 2025-01-01 00:30 there is not.
      minute('2024-12-31T16:30:00Z', 'VN-HP/GOV/SNV/HRM', 200, 5),
      minute('2024-12-31T17:30:00Z', 'VN-HP/GOV/SNV/HRM', 200, 1000),
      // A look-alike organisation code must not be counted for SNV.
      minute('2024-05-01T00:00:00Z', 'VN-HP/GOV/SNV2/X', 200, 7),
      minute('2024-05-01T00:00:00Z', 'VN-HP/GOV/STP/HOTICH', 200, 11),
    ])
    .execute();
}

for (const dialect of DIALECTS) {
  describe(`measured indicators on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
      for (const indicator of PLATFORM_MEASURED_INDICATORS)
        await fx.indicators.create(SECRETARIAT, indicator);
      await insertRegistry(fx.store.db);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('counts transactions, systems and enabled services of each unit’s organisation for a period, sample calls left out', async () => {
      const result = await fx.indicators.measure(SECRETARIAT, '2024');
      const measured = (code: string, unit: string) =>
        result.values.find((value) => value.indicatorCode === code && value.unitId === unit)?.value;
      expect(measured('EXC-01', 'SNV')).toBe(55);
      expect(measured('EXC-01', 'STP')).toBe(11);
      expect(measured('EXC-01', 'UBND-HP')).toBe(0);
      expect(measured('EXC-02', 'SNV')).toBe(2);
      expect(measured('EXC-02', 'STP')).toBe(1);
      expect(measured('EXC-03', 'SNV')).toBe(1);
      expect(measured('EXC-03', 'STP')).toBe(2);
      // Units without a registry organisation are not measured.
      expect(result.values.some((value) => value.unitId === 'Q-LECHAN')).toBe(false);
      expect(result.values.every((value) => value.source === 'measured')).toBe(true);
      const stored = await fx.indicators.listValues({ indicator: 'EXC-01', unit: 'SNV', period: '2024' });
      expect(stored.items[0]).toMatchObject({ value: 55, source: 'measured' });
      expect(await auditCount(fx.store.db, 'indicator.measure')).toBe(1);
    });

    it('measures a month and replaces an earlier measurement', async () => {
      expect(
        (await fx.indicators.measure(SECRETARIAT, '2024-03')).values.find((v) => v.unitId === 'SNV')!.value,
      ).toBe(42);
      await fx.store.db
        .insertInto('traffic_minutes')
        .values({
          node_id: 'hp-1',
          minute: at('2024-03-15T00:00:00Z'),
          client_id: 'VN-HP/GOV/SNV/HRM',
          service_id: 'VN-HP/GOV/STP/HOTICH/khai-sinh',
          status: 200,
          count: 3,
          total_ms: 1,
          latency_buckets: '[]',
          sample: 0,
        })
        .execute();
      await fx.indicators.measure(SECRETARIAT, '2024-03');
      const stored = await fx.indicators.listValues({ indicator: 'EXC-01', unit: 'SNV', period: '2024-03' });
      expect(stored.items.map((value) => value.value)).toEqual([45]);
    });

    it('measures catalog figures through a source handed over by the composition root, and skips them without', async () => {
      const without = await fx.indicators.measure(SECRETARIAT, '2024');
      expect(without.values.some((value) => value.indicatorCode.startsWith('DM-'))).toBe(false);
      const asked: { startMs: number; endMs: number }[] = [];
      const withCatalog = createIndicatorCommands({
        db: fx.store.db,
        now: () => NOW,
        measureSources: {
          'catalog-shared-entries': async (period) => {
            asked.push(period);
            return new Map([['VN-HP/GOV/SNV', 7]]);
          },
        },
      });
      const result = await withCatalog.measure(SECRETARIAT, '2024');
      const measured = (unit: string) =>
        result.values.find((value) => value.indicatorCode === 'DM-01' && value.unitId === unit)?.value;
      expect(measured('SNV')).toBe(7);
      expect(measured('STP')).toBe(0);
      // The year 2024 in Hải Phòng (UTC+7).
      expect(asked).toEqual([{ startMs: at('2023-12-31T17:00:00Z'), endMs: at('2024-12-31T17:00:00Z') }]);
    });

    it('refuses to measure a period that has not started', async () => {
      expect(NOW).toBeLessThan(at('2025-07-01T00:00:00Z'));
      await expectCangError(fx.indicators.measure(SECRETARIAT, '2025-07'), 'validation-failed');
      await expectCangError(fx.indicators.measure(SECRETARIAT, 'sometime'), 'validation-failed');
    });
  });
}
