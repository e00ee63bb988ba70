import ExcelJS from 'exceljs';
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

const DA_NANG_2022 = {
  NT: 1.0,
  TC: 0.9,
  HT: 0.8253,
  NL: 0.8487,
  ATTT: 0.7578,
  CQS: 0.8575,
  KTS: 0.7836,
  XHS: 0.5197,
};
const values = (of: Record<string, number>) =>
  Object.fromEntries(Object.entries(of).map(([k, v]) => [k, { value: v }]));

async function componentSheet(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục');
  sheet.addRow(['Chỉ số chính', 'Mã chỉ số thành phần', 'Tên chỉ số thành phần', 'Điểm tối đa']);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

for (const dialect of DIALECTS) {
  describe(`DTI methods as data on ${dialect}`, () => {
    let fx: SteeringFixture;
    afterEach(async () => {
      await fx.store.close();
    });

    it('serves 2022–2023 with QĐ 922 and 2024 onwards with QĐ 405, whose 8 main indices have no points yet', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const methods = await fx.steering.dti.list();
      expect(methods.map((m) => [m.code, m.firstYear, m.lastYear, m.pointsStatus])).toEqual([
        ['QD-922', 2022, 2023, 'confirmed'],
        ['QD-405', 2024, null, 'missing'],
      ]);
      expect((await fx.steering.dti.forYear(2023)).decisionNumber).toBe('922/QĐ-BTTTT');
      const qd405 = await fx.steering.dti.forYear(2026);
      expect(qd405.indices.map((i) => i.code)).toEqual(['NT', 'TC', 'HT', 'NL', 'ATTT', 'CQS', 'KTS', 'XHS']);
      expect(qd405.indices.every((i) => i.maxPoints === null && !i.pointsConfirmed)).toBe(true);
      expect(qd405.components).toEqual([]);
    });

    it('scores 2022 with QĐ 922 (Đà Nẵng 0.8002) and refuses a year no method covers on /year', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const score = await fx.steering.dti.score({ year: 2022, indices: values(DA_NANG_2022) });
      expect(score).toMatchObject({ total: 0.8002, method: { code: 'QD-922' }, pointsStatus: 'confirmed' });
      const error = await expectCangError(
        fx.steering.dti.score({ year: 2021, indices: {} }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/year']);
      const unknown = await expectCangError(
        fx.steering.dti.score({ year: 2023, indices: { DTTM: { value: 1 }, TC: { points: 101 } } }),
        'validation-failed',
      );
      expect(pointersOf(unknown)).toEqual(['/indices/DTTM', '/indices/TC/points']);
    });

    it('gives no 2024 total until QĐ 405’s points are entered, then a total marked unconfirmed until confirmed', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const before = await fx.steering.dti.score({ year: 2024, indices: values({ NT: 1, TC: 1 }) });
      expect(before).toMatchObject({ total: null, pointsStatus: 'missing' });
      expect(before.missingPoints).toHaveLength(8);
      // Points of a main index without a maximum are refused: there is nothing to measure them against.
      const noMax = await expectCangError(
        fx.steering.dti.score({ year: 2024, indices: { NT: { points: 50 } } }),
        'validation-failed',
      );
      expect(noMax.errors).toEqual([
        { pointer: '/indices/NT/points', detail: 'the maximum points of NT are not entered' },
      ]);
      for (const code of ['NT', 'TC', 'HT', 'NL', 'ATTT', 'CQS', 'KTS', 'XHS'])
        await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', code, { maxPoints: 100 });
      const entered = await fx.steering.dti.score({ year: 2024, indices: values({ NT: 1, TC: 1 }) });
      expect(entered).toMatchObject({ total: 0.25, pointsStatus: 'unconfirmed' });
      expect(entered.notice).toContain('chưa được Văn phòng xác nhận');
      const confirmed = await fx.steering.dti.confirmPoints(SECRETARIAT, 'QD-405');
      expect(confirmed.indices.every((i) => i.pointsConfirmed && i.confirmedBy === SECRETARIAT.id)).toBe(
        true,
      );
      expect((await fx.steering.dti.score({ year: 2024, indices: {} })).pointsStatus).toBe('confirmed');
      expect(await auditCount(fx.store.db, 'steering.dti.item.put')).toBe(8);
      expect(await auditCount(fx.store.db, 'steering.dti.points.confirm')).toBe(1);
      await expectCangError(fx.steering.dti.confirmPoints(SECRETARIAT, 'QD-405'), 'conflict');
      // A changed maximum is unconfirmed again.
      const changed = await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT', { maxPoints: 120 });
      expect(changed.indices.find((i) => i.code === 'NT')).toMatchObject({
        maxPoints: 120,
        pointsConfirmed: false,
      });
      expect(changed.pointsStatus).toBe('unconfirmed');
    });

    it('enters components under their main index and refuses points beyond its maximum, writing nothing', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT', { maxPoints: 100 });
      const method = await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT.01', {
        parentCode: 'NT',
        name: 'Tỷ lệ cán bộ được tập huấn về chuyển đổi số',
        maxPoints: 60,
      });
      expect(method.components).toMatchObject([
        { code: 'NT.01', parentCode: 'NT', maxPoints: 60, pointsConfirmed: false },
      ]);
      const audits = await auditCount(fx.store.db, 'steering.dti.item.put');
      const over = await expectCangError(
        fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT.02', {
          parentCode: 'NT',
          name: 'Thứ hai',
          maxPoints: 50,
        }),
        'validation-failed',
      );
      expect(pointersOf(over)).toEqual(['/maxPoints']);
      expect(over.errors?.[0]?.detail).toContain('add up to 110 points, more than its 100');
      const lower = await expectCangError(
        fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT', { maxPoints: 50 }),
        'validation-failed',
      );
      expect(pointersOf(lower)).toEqual(['/maxPoints']);
      const orphan = await expectCangError(
        fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'ZZ.01', { parentCode: 'ZZ', name: 'Không có' }),
        'validation-failed',
      );
      expect(pointersOf(orphan)).toEqual(['/parentCode']);
      const weight = await expectCangError(
        fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'NT.01', { weight: 2 }),
        'validation-failed',
      );
      expect(pointersOf(weight)).toEqual(['/weight']);
      expect(await auditCount(fx.store.db, 'steering.dti.item.put')).toBe(audits);
      expect((await fx.steering.dti.get('QD-405')).components).toHaveLength(1);
    });

    it('imports components from a sheet all or nothing, naming the row and column of each bad cell', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      await fx.steering.dti.putItem(SECRETARIAT, 'QD-405', 'HT', { maxPoints: 100 });
      const bad = await componentSheet([
        ['HT', 'HT.01', 'Tỷ lệ hộ gia đình có cáp quang', 40],
        ['HT', 'HT.02', 'Tỷ lệ dân số có điện thoại thông minh', 70],
        ['XX', 'XX.01', 'Không thuộc phương pháp', null],
        ['NT', 'NT.01', '', 'nhiều'],
      ]);
      const error = await expectCangError(
        fx.steering.dti.importComponents(SECRETARIAT, 'QD-405', bad),
        'validation-failed',
      );
      expect(pointersOf(error).sort()).toEqual(
        ['/rows/3/maxPoints', '/rows/4/index', '/rows/5/maxPoints', '/rows/5/name'].sort(),
      );
      expect((await fx.steering.dti.get('QD-405')).components).toEqual([]);
      expect(await auditCount(fx.store.db, 'steering.dti.components.import')).toBe(0);
      const good = await componentSheet([
        ['HT', 'HT.01', 'Tỷ lệ hộ gia đình có cáp quang', 40],
        ['HT', 'HT.02', 'Tỷ lệ dân số có điện thoại thông minh', null],
        ['NT', 'NT.01', 'Tuyên truyền về chuyển đổi số', '12,5'],
      ]);
      const imported = await fx.steering.dti.importComponents(SECRETARIAT, 'QD-405', good);
      expect(imported.imported).toBe(3);
      expect(imported.method.components.map((c) => [c.code, c.maxPoints, c.pointsConfirmed])).toEqual([
        ['HT.01', 40, false],
        ['HT.02', null, false],
        ['NT.01', 12.5, false],
      ]);
      expect(await auditCount(fx.store.db, 'steering.dti.components.import')).toBe(1);
    });

    it('records a later method as data, closing the method in force the year before', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const input = {
        code: 'QD-TEST',
        decisionNumber: '999/QĐ-BKHCN',
        decisionDate: '2027-03-01',
        issuer: 'Bộ trưởng Bộ Khoa học và Công nghệ',
        title: 'Bộ chỉ số thử nghiệm',
        firstYear: 2027,
        indices: [
          { code: 'CQS', name: 'Chính quyền số', group: 'activity' as const, maxPoints: 500 },
          { code: 'KTS', name: 'Kinh tế số', group: 'activity' as const, maxPoints: 500 },
        ],
      };
      await fx.steering.dti.create(SECRETARIAT, input);
      expect((await fx.steering.dti.get('QD-405')).lastYear).toBe(2026);
      expect((await fx.steering.dti.forYear(2027)).code).toBe('QD-TEST');
      const score = await fx.steering.dti.score({ year: 2028, indices: { CQS: { points: 250 } } });
      expect(score).toMatchObject({ total: 0.25, pointsStatus: 'unconfirmed' });
      const overlap = await expectCangError(
        fx.steering.dti.create(SECRETARIAT, { ...input, code: 'QD-OLD', firstYear: 2023, lastYear: 2023 }),
        'validation-failed',
      );
      expect(pointersOf(overlap)).toEqual(['/firstYear']);
      await expectCangError(fx.steering.dti.create(SECRETARIAT, input), 'conflict');
    });
  });
}
