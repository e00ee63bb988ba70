import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  auditCount,
  buildFixture,
  buildIndicator,
  DIALECTS,
  expectCangError,
  type IndicatorFixture,
} from '../test-support/steering-fixtures.js';
import { buildImportFile, readWorkbook } from '../test-support/xlsx-files.js';

for (const dialect of DIALECTS) {
  describe(`spreadsheets on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({ targets: [{ level: '*', year: 2022, target: 80 }] }),
      );
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('imports every row of a good file in one transaction, audited per value', async () => {
      const file = await buildImportFile([
        ['CQS-03', 'SNV', '2024', 72.5, 'reported', 'Báo cáo 12/BC-SNV'],
        ['CQS-03', 'STP', 2024, '64,5', 'verified', null],
        ['CQS-03', 'Q-LECHAN', '2024-Q4', 51, null, null],
      ]);
      const report = await fx.indicators.importValues(SECRETARIAT, file, { mayVerify: () => true });
      expect(report).toEqual({
        committed: true,
        imported: 3,
        rows: [2, 3, 4].map((row) => ({ row, ok: true, reasons: [] })),
      });
      const values = await fx.indicators.listValues({ indicator: 'CQS-03' });
      expect(values.items.map((value) => [value.unitId, value.period, value.value, value.source])).toEqual([
        ['SNV', '2024', 72.5, 'reported'],
        ['STP', '2024', 64.5, 'verified'],
        ['Q-LECHAN', '2024-Q4', 51, 'reported'],
      ]);
      expect(await auditCount(fx.store.db, 'indicator-value.import')).toBe(3);
    });

    it('imports nothing from a file with a bad row, and says why for each row', async () => {
      const file = await buildImportFile([
        ['CQS-03', 'SNV', '2024', 72.5, 'reported', null],
        ['CQS-03', 'NOPE', '2024', 10, null, null],
        ['CQS-03', 'STP', '2025-12', 'nhiều', 'guessed', null],
        ['CQS-03', 'SNV', '2024', 70, null, null],
      ]);
      const report = await fx.indicators.importValues(SECRETARIAT, file);
      expect(report.committed).toBe(false);
      expect(report.imported).toBe(0);
      expect(
        report.rows.map((row) => [row.row, row.ok, row.reasons.map((reason) => reason.pointer)]),
      ).toEqual([
        [2, true, []],
        [3, false, ['/unit']],
        [4, false, ['/period', '/value', '/source']],
        [5, false, ['/']],
      ]);
      expect((await fx.indicators.listValues()).items).toEqual([]);
      expect(await auditCount(fx.store.db, 'indicator-value.import')).toBe(0);
    });

    it('imports the good rows when asked to accept the valid ones', async () => {
      const file = await buildImportFile([
        ['CQS-03', 'SNV', '2024', 72.5, null, null],
        ['CQS-03', 'SKHDT', '2025-06', 10, null, null],
      ]);
      const report = await fx.indicators.importValues(SECRETARIAT, file, { acceptValid: true });
      expect(report).toMatchObject({ committed: true, imported: 1 });
      expect(report.rows[1]!.reasons).toEqual([
        { pointer: '/unit', detail: 'SKHDT was not active during 2025-06' },
      ]);
    });

    it('refuses rows for units the caller may not report for', async () => {
      const file = await buildImportFile([
        ['CQS-03', 'SNV', '2024', 72.5, null, null],
        ['CQS-03', 'STP', '2024', 60, null, null],
      ]);
      const report = await fx.indicators.importValues(SECRETARIAT, file, {
        mayReport: (unit) => unit === 'SNV',
      });
      expect(report.committed).toBe(false);
      expect(report.rows[1]!.reasons).toEqual([
        { pointer: '/unit', detail: 'you may not report values for STP' },
      ]);
    });

    it('refuses a verified row to a caller who may not verify, by default everyone', async () => {
      const file = await buildImportFile([['CQS-03', 'SNV', '2024', 72.5, 'verified', null]]);
      for (const options of [{}, { mayVerify: (unit: string) => unit !== 'SNV' }]) {
        const report = await fx.indicators.importValues(SECRETARIAT, file, options);
        expect(report.committed).toBe(false);
        expect(report.rows[0]!.reasons).toEqual([
          { pointer: '/source', detail: 'only the secretariat may mark a value verified' },
        ]);
      }
      expect((await fx.indicators.listValues()).items).toEqual([]);
    });

    it('never lets a reported value replace a verified one, on import or on its own', async () => {
      await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024', { value: 70, source: 'verified' });
      const file = await buildImportFile([
        ['CQS-03', 'SNV', '2024', 10, 'reported', null],
        ['CQS-03', 'STP', '2024', 20, null, null],
      ]);
      const report = await fx.indicators.importValues(SECRETARIAT, file, { acceptValid: true });
      expect(report).toMatchObject({ committed: true, imported: 1 });
      expect(report.rows[0]!.reasons).toEqual([
        {
          pointer: '/source',
          detail: 'the stored value is verified by the secretariat; a reported value does not replace it',
        },
      ]);
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024', { value: 11 }),
        'conflict',
      );
      const values = await fx.indicators.listValues({ indicator: 'CQS-03' });
      expect(values.items.map((value) => [value.unitId, value.value, value.source])).toEqual([
        ['SNV', 70, 'verified'],
        ['STP', 20, 'reported'],
      ]);
      // The secretariat corrects a verified value by verifying the new one.
      await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024', { value: 71, source: 'verified' });
    });

    it('refuses a file that is not a workbook, or has no rows', async () => {
      await expectCangError(
        fx.indicators.importValues(SECRETARIAT, Buffer.from('not a zip')),
        'validation-failed',
      );
      await expectCangError(
        fx.indicators.importValues(SECRETARIAT, await buildImportFile([])),
        'validation-failed',
      );
    });

    it('exports the scoreboard with its ranking and every component', async () => {
      await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024', { value: 60 });
      const sheets = await readWorkbook(await fx.indicators.exportScoreboard('2024', { kind: 'department' }));
      expect(Object.keys(sheets)).toEqual(['Xếp hạng', 'Thành phần']);
      expect(sheets['Xếp hạng']![0]).toEqual([
        'Hạng',
        'Mã đơn vị',
        'Tên đơn vị',
        'Cấp',
        'Chỉ số 2024',
        'Số chỉ tiêu tính',
        'Số chỉ tiêu có số liệu',
      ]);
      expect(sheets['Xếp hạng']![1]).toEqual([1, 'SNV', 'Sở Nội vụ', 'Sở, ngành', 0.75, 1, 1]);
      expect(sheets['Thành phần']![1]).toEqual(['SNV', 'CQS-03', 60, 80, 0.75, 0.75, 1, 'ratio']);
    });
  });
}
