import { afterEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  auditCount,
  createSteeringFixture,
  DIALECTS,
  expectCangError,
  pointersOf,
  type SteeringFixture,
} from '../test-support/steering-fixtures.js';
import { readWorkbook } from '../test-support/xlsx-files.js';
import { seedDtiSample } from './seed-dti-sample.js';

const SEED = { id: 'system:seed' };

for (const dialect of DIALECTS) {
  describe(`the DTI self-assessment campaign on ${dialect}`, () => {
    let fx: SteeringFixture;
    afterEach(async () => {
      await fx.store.close();
    });

    async function seeded(): Promise<SteeringFixture> {
      fx = await createSteeringFixture(dialect);
      await seedDtiSample(fx.steering, SEED);
      return fx;
    }

    it('seeds the 2025 campaign in progress: QĐ 405’s eight main indices assigned, four entered, no total yet', async () => {
      await seeded();
      const campaign = await fx.steering.dti.campaigns.get(2025, '2026-12-02');
      expect(campaign).toMatchObject({ sample: true, method: { code: 'QD-405', pointsStatus: 'missing' } });
      expect(campaign.items.map((item) => item.itemCode)).toEqual([
        'NT',
        'TC',
        'HT',
        'NL',
        'ATTT',
        'CQS',
        'KTS',
        'XHS',
      ]);
      expect(campaign.progress).toEqual({ items: 8, assigned: 8, submitted: 4, overdue: 1 });
      expect(campaign.items.find((item) => item.itemCode === 'NL')).toMatchObject({
        unitId: 'SNV',
        status: 'overdue',
      });
      expect(campaign.items.find((item) => item.itemCode === 'HT')).toMatchObject({
        value: 0.82,
        status: 'submitted',
      });
      expect(campaign.items.every((item) => item.sample)).toBe(true);
      // QĐ 405's points are unknown, so the estimate has index values but no total, and says why.
      expect(campaign.estimate).toMatchObject({ total: null, pointsStatus: 'missing' });
      expect(campaign.estimate.notice).toContain('chưa có điểm tối đa');
      expect(await seedDtiSample(fx.steering, SEED)).toBe(false);
    });

    it('estimates the city’s DTI once points are entered, saying they are unconfirmed, and rolls components up', async () => {
      await seeded();
      for (const code of ['NT', 'TC', 'HT', 'NL', 'ATTT', 'CQS', 'KTS', 'XHS'])
        await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', code, { maxPoints: 100 });
      const estimate = (await fx.steering.dti.campaigns.get(2025)).estimate;
      expect(estimate).toMatchObject({ total: 0.45, pointsStatus: 'unconfirmed' }); // (1 + 1 + 0.82 + 0.78) ÷ 8
      expect(estimate.notice).toContain('chưa được Văn phòng xác nhận');
      await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'XHS.01', {
        parentCode: 'XHS',
        name: 'Y tế số',
        maxPoints: 40,
      });
      await fx.steering.dti.campaigns.assign(SECRETARIAT, 2025, {
        itemCode: 'XHS.01',
        unitId: 'SYT',
        deadline: '2026-12-20',
      });
      const withComponent = await fx.steering.dti.campaigns.enter(SECRETARIAT, 2025, 'XHS.01', {
        points: 30,
        evidence: 'Số liệu hồ sơ sức khỏe điện tử',
      });
      expect(withComponent.items.find((item) => item.itemCode === 'XHS.01')).toMatchObject({
        value: 0.75,
        status: 'submitted',
      });
      expect(withComponent.estimate.indices.find((index) => index.code === 'XHS')).toMatchObject({
        points: 30,
        value: 0.3,
      });
      expect(withComponent.progress).toMatchObject({ items: 9, submitted: 5 });
    });

    it('refuses a year no method covers, an item the method lacks, a unit that has ended, points beyond the maximum', async () => {
      await seeded();
      const year = await expectCangError(
        fx.steering.dti.campaigns.create(SECRETARIAT, { year: 2021, title: 'Năm 2021' }),
        'validation-failed',
      );
      expect(pointersOf(year)).toEqual(['/year']);
      const assignments = await auditCount(fx.store.db, 'steering.dti.assign');
      const item = await expectCangError(
        fx.steering.dti.campaigns.assign(SECRETARIAT, 2025, {
          itemCode: 'DTTM',
          unitId: 'SKHCN',
          deadline: '2026-12-20',
        }),
        'validation-failed',
      );
      expect(pointersOf(item)).toEqual(['/itemCode']);
      // Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ on 2025-03-01.
      const ended = await expectCangError(
        fx.steering.dti.campaigns.assign(SECRETARIAT, 2025, {
          itemCode: 'NL',
          unitId: 'STTTT',
          deadline: '2026-12-20',
        }),
        'validation-failed',
      );
      expect(ended.errors).toEqual([
        { pointer: '/unitId', detail: expect.stringContaining('was merged into') },
      ]);
      expect(await auditCount(fx.store.db, 'steering.dti.assign')).toBe(assignments);
      await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NL', { maxPoints: 100 });
      const over = await expectCangError(
        fx.steering.dti.campaigns.enter(SECRETARIAT, 2025, 'NL', { points: 120, evidence: 'Quá điểm' }),
        'validation-failed',
      );
      expect(pointersOf(over)).toEqual(['/points']);
      expect(
        (await fx.steering.dti.campaigns.get(2025)).items.find((i) => i.itemCode === 'NL')!.status,
      ).not.toBe('submitted');
      await expectCangError(
        fx.steering.dti.campaigns.create(SECRETARIAT, { year: 2025, title: 'Lần hai' }),
        'conflict',
      );
    });

    it('reassigning to another unit clears the former unit’s entry', async () => {
      await seeded();
      const moved = await fx.steering.dti.campaigns.assign(SECRETARIAT, 2025, {
        itemCode: 'HT',
        unitId: 'SXD',
        deadline: '2026-12-31',
      });
      expect(moved.items.find((item) => item.itemCode === 'HT')).toMatchObject({
        unitId: 'SXD',
        value: null,
        status: 'assigned',
      });
    });

    it('exports the campaign as .xlsx: item, responsible unit, value, evidence, status, with formulas kept as text', async () => {
      await seeded();
      await fx.steering.dti.campaigns.enter(SECRETARIAT, 2025, 'NL', {
        value: 0.5,
        evidence: '=HYPERLINK("http://x")',
      });
      const file = await fx.steering.dti.exportCampaign(2025, '2026-12-20');
      expect(file.fileName).toBe('tu-danh-gia-dti-2025-QD-405.xlsx');
      const sheets = await readWorkbook(file.content);
      const rows = sheets['Tự đánh giá']!;
      expect(rows[0]).toEqual([
        'Mã chỉ số',
        'Chỉ số',
        'Chỉ số chính',
        'Điểm tối đa',
        'Mã đơn vị',
        'Đơn vị chủ trì',
        'Hạn',
        'Điểm',
        'Giá trị',
        'Minh chứng',
        'Trạng thái',
      ]);
      const nl = rows.find((row) => row[0] === 'NL')!;
      expect(nl[4]).toBe('SNV');
      expect(nl[8]).toBe(0.5);
      // Read back as the text it is: a text cell, never a formula (see xlsx-writer.test.ts).
      expect(nl[9]).toBe('=HYPERLINK("http://x")');
      expect(nl[10]).toBe('Đã nhập');
      expect(rows.find((row) => row[0] === 'CQS')![10]).toBe('Quá hạn');
      expect(sheets['Ước tính']!.flat()).toContain(
        'Phương pháp chưa có điểm tối đa hoặc trọng số của mọi chỉ số chính: chưa tính được tổng.',
      );
    });

    it('keeps the published results with their verified marks beside the estimates, as a trend with rank', async () => {
      await seeded();
      const published = await fx.steering.dti.published();
      expect(published.map((p) => [p.year, p.rank, p.total, p.verified])).toEqual([
        [2020, 21, null, true],
        [2021, 16, 0.4675, false],
        [2022, 14, null, true],
        [2023, 8, null, true],
        [2024, 3, 0.7857, true],
      ]);
      const trend = await fx.steering.dti.trend();
      expect(trend.at(-1)).toMatchObject({
        year: 2025,
        rank: null,
        estimate: null,
        estimatePointsStatus: 'missing',
      });
      expect(trend.find((t) => t.year === 2024)).toMatchObject({
        rank: 3,
        of: 34,
        total: 0.7857,
        estimate: null,
      });
      const refused = await expectCangError(
        fx.steering.dti.putPublished(SECRETARIAT, 2025, { rank: 40, of: 34, verified: false }),
        'validation-failed',
      );
      expect(pointersOf(refused)).toEqual(['/rank']);
    });
  });
}
