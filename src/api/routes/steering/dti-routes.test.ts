import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import {
  createSteering,
  type DtiCampaignView,
  seedDtiSample,
  seedSteeringReference,
  seedSteeringSample,
} from '../../../steering/index.js';
import { readWorkbook } from '../../../steering/test-support/xlsx-files.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

const NOW = Date.parse('2026-12-02T03:00:00Z');
const BASE = '/api/v1/steering/dti';
const SEED = { id: 'system:seed' };

for (const dialect of DIALECTS) {
  describe(`DTI API on ${dialect}`, () => {
    let api: ApiHarness;
    let secretariat: string;
    let leader: string;
    let reporterSnv: string;
    let reporterStp: string;
    let orgAdmin: string;
    beforeAll(async () => {
      api = await startApi(dialect, {
        parts: (store) => ({ steering: createSteering({ store, now: () => NOW }) }),
      });
      const steering = createSteering({ store: api.store, now: () => NOW });
      await seedSteeringReference(steering, SEED);
      await seedSteeringSample(steering, SEED);
      await seedDtiSample(steering, SEED);
      secretariat = await api.sessionFor('thu-ky', [{ role: 'steering-secretariat' }]);
      leader = await api.sessionFor('lanh-dao', [{ role: 'leader' }]);
      reporterSnv = await api.sessionFor('bao-cao-snv', [{ role: 'unit-reporter', scope: 'SNV' }]);
      reporterStp = await api.sessionFor('bao-cao-stp', [{ role: 'unit-reporter', scope: 'STP' }]);
      orgAdmin = await api.sessionFor('to-chuc', [{ role: 'org-admin', scope: 'VN-HP/GOV/STP' }]);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('scores a year with its method and refuses a year no method covers naming /year', async () => {
      const indices = { NT: { value: 1 }, CQS: { points: 150 } };
      const score = await api.call('POST', `${BASE}/score`, { cookie: leader }, { year: 2023, indices });
      expect(await readJson(score)).toMatchObject({
        method: { code: 'QD-922' },
        total: 0.25,
        pointsStatus: 'confirmed',
      });
      const uncovered = await api.call('POST', `${BASE}/score`, { cookie: leader }, { year: 2021, indices });
      expect((await expectRefusal(uncovered, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/year', detail: 'no DTI method covers 2021 (QD-922 2022–2023, QD-405 2024–)' },
      ]);
      const over = await api.call(
        'POST',
        `${BASE}/score`,
        { cookie: leader },
        { year: 2022, indices: { TC: { points: 101 } } },
      );
      expect((await expectRefusal(over, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/indices/TC/points', detail: 'must lie between 0 and 100' },
      ]);
    });

    it('lets only the secretariat enter and confirm a method’s points, audited; others are refused and nothing is written', async () => {
      await expectNothingWritten(api.store, ['steering_dti_method_items'], async () => {
        for (const cookie of [leader, reporterSnv, orgAdmin]) {
          await expectRefusal(
            await api.call('PUT', `${BASE}/methods/QD-405/items/NT`, { cookie }, { maxPoints: 100 }),
            403,
            'forbidden',
          );
          await expectRefusal(
            await api.call('POST', `${BASE}/methods/QD-405/confirm`, { cookie }),
            403,
            'forbidden',
          );
        }
        await expectRefusal(
          await api.call('PUT', `${BASE}/methods/QD-405/items/NT`, {}, { maxPoints: 100 }),
          401,
          'unauthenticated',
        );
      });
      const entered = await api.call(
        'PUT',
        `${BASE}/methods/QD-405/items/NT`,
        { cookie: secretariat },
        { maxPoints: 100 },
      );
      expect(entered.status).toBe(200);
      const confirmed = await api.call('POST', `${BASE}/methods/QD-405/confirm`, { cookie: secretariat });
      const method = await readJson<{ indices: { code: string; pointsConfirmed: boolean }[] }>(confirmed);
      expect(method.indices.find((i) => i.code === 'NT')!.pointsConfirmed).toBe(true);
      const audit = await api.store.db
        .selectFrom('audit_events')
        .select('action')
        .where('resource', '=', 'dti/QD-405')
        .execute();
      expect(audit.map((a) => a.action)).toContain('steering.dti.points.confirm');
    });

    it('lets the assigned unit’s reporter enter its item and refuses another unit’s reporter', async () => {
      const entry = { value: 0.6, evidence: 'Báo cáo nhân lực số năm 2025' };
      await expectNothingWritten(api.store, ['steering_dti_assignments'], async () => {
        await expectRefusal(
          await api.call('PUT', `${BASE}/campaigns/2025/items/NL/entry`, { cookie: reporterStp }, entry),
          403,
          'forbidden',
        );
        await expectRefusal(
          await api.call('PUT', `${BASE}/campaigns/2025/items/NL/entry`, { cookie: leader }, entry),
          403,
          'forbidden',
        );
        await expectRefusal(
          await api.call('PUT', `${BASE}/campaigns/2025/items/NL/entry`, { cookie: orgAdmin }, entry),
          403,
          'forbidden',
        );
      });
      const own = await api.call(
        'PUT',
        `${BASE}/campaigns/2025/items/NL/entry`,
        { cookie: reporterSnv },
        entry,
      );
      expect(own.status, await own.clone().text()).toBe(200);
      const campaign = await readJson<DtiCampaignView>(own);
      expect(campaign.items.find((i) => i.itemCode === 'NL')).toMatchObject({
        status: 'submitted',
        value: 0.6,
      });
      const bad = await api.call(
        'PUT',
        `${BASE}/campaigns/2025/items/NL/entry`,
        { cookie: reporterSnv },
        { value: 2, evidence: 'x' },
      );
      expect((await expectRefusal(bad, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/value', detail: 'must lie between 0 and 1' },
      ]);
    });

    it('lets only the secretariat assign, refusing a unit that has ended naming /unitId', async () => {
      const body = { itemCode: 'ATTT', unitId: 'SKHCN', deadline: '2026-12-31' };
      await expectNothingWritten(api.store, ['steering_dti_assignments'], async () => {
        await expectRefusal(
          await api.call('POST', `${BASE}/campaigns/2025/assignments`, { cookie: leader }, body),
          403,
          'forbidden',
        );
        await expectRefusal(
          await api.call('POST', `${BASE}/campaigns/2025/assignments`, { cookie: reporterSnv }, body),
          403,
          'forbidden',
        );
        const ended = await api.call(
          'POST',
          `${BASE}/campaigns/2025/assignments`,
          { cookie: secretariat },
          { ...body, unitId: 'Q-LECHAN' },
        );
        const problem = await expectRefusal(ended, 400, 'validation-failed');
        expect(problem.errors?.map((e) => e.pointer)).toEqual(['/unitId']);
      });
      const assigned = await api.call(
        'POST',
        `${BASE}/campaigns/2025/assignments`,
        { cookie: secretariat },
        body,
      );
      expect(assigned.status).toBe(200);
    });

    it('exports the campaign as .xlsx for readers, and shows the published trend with rank', async () => {
      const file = await api.call('GET', `${BASE}/campaigns/2025/xlsx`, { cookie: leader });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('tu-danh-gia-dti-2025-QD-405.xlsx');
      const sheets = await readWorkbook(new Uint8Array(await file.arrayBuffer()));
      expect(sheets['Tự đánh giá']![0]!.slice(0, 2)).toEqual(['Mã chỉ số', 'Chỉ số']);
      const trend = await readJson<{ items: { year: number; rank: number | null }[] }>(
        await api.call('GET', `${BASE}/trend`, { cookie: reporterSnv }),
      );
      expect(trend.items.map((t) => [t.year, t.rank])).toEqual([
        [2020, 21],
        [2021, 16],
        [2022, 14],
        [2023, 8],
        [2024, 3],
        [2025, null],
      ]);
      await expectRefusal(
        await api.call('PUT', `${BASE}/published/2025`, { cookie: leader }, { rank: 2, verified: false }),
        403,
        'forbidden',
      );
    });
  });
}
