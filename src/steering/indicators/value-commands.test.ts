import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SECRETARIAT,
  auditCount,
  buildFixture,
  buildIndicator,
  DIALECTS,
  expectCangError,
  type IndicatorFixture,
  pointersOf,
} from '../test-support/steering-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`indicator values on ${dialect}`, () => {
    let fx: IndicatorFixture;
    beforeEach(async () => {
      fx = await buildFixture(dialect);
      await fx.indicators.create(SECRETARIAT, buildIndicator());
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          code: 'KTS-01',
          name: 'Tỷ trọng kinh tế số trong GRDP',
          levels: ['city'],
          pillar: 'digital-economy',
        }),
      );
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('records a value with source and evidence, replaces it, and audits each change', async () => {
      const first = await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024-Q4', {
        value: 72.5,
        evidenceNote: 'Báo cáo số 12/BC-SNV',
        attachmentId: 'att-1',
      });
      expect(first).toMatchObject({
        value: 72.5,
        source: 'reported',
        evidenceNote: 'Báo cáo số 12/BC-SNV',
        recordedBy: SECRETARIAT.id,
      });
      const second = await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024-Q4', {
        value: 74,
        source: 'verified',
      });
      expect(second).toMatchObject({ value: 74, source: 'verified', evidenceNote: null });
      const page = await fx.indicators.listValues({ unit: 'SNV' });
      expect(page.items).toEqual([second]);
      expect(await auditCount(fx.store.db, 'indicator-value.put')).toBe(2);
      // The clock is fixed, so both entries share a millisecond: find the replacement by its details.
      const audits = await fx.store.db
        .selectFrom('audit_events')
        .select(['resource', 'details'])
        .where('action', '=', 'indicator-value.put')
        .execute();
      expect(audits.map((audit) => audit.resource)).toEqual(Array(2).fill('SNV/indicators/CQS-03/2024-Q4'));
      expect(audits.map((audit) => JSON.parse(audit.details!))).toContainEqual(
        expect.objectContaining({ value: 74, previous: { value: 72.5, source: 'reported' } }),
      );
    });

    it('accepts every period form', async () => {
      for (const period of ['2024', '2024-H2', '2024-Q3', '2024-07', '2025-06']) {
        await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'UBND-HP', period, { value: 1 });
      }
      expect((await fx.indicators.listValues({ unit: 'UBND-HP' })).items).toHaveLength(5);
    });

    it('refuses a unit of a kind the indicator does not apply to', async () => {
      const error = await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'KTS-01', 'SNV', '2024', { value: 12 }),
        'validation-failed',
      );
      expect(error.errors).toEqual([
        { pointer: '/unit', detail: 'KTS-01 does not apply to a department unit' },
      ]);
    });

    it('refuses a period that has not started', async () => {
      const error = await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2025-07', { value: 1 }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/period']);
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2025-H2', { value: 1 }),
        'validation-failed',
      );
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2025-13', { value: 1 }),
        'validation-failed',
      );
    });

    it('refuses a unit that was not active during the period, but takes its history', async () => {
      const error = await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SKHDT', '2025-Q2', { value: 1 }),
        'validation-failed',
      );
      expect(error.errors).toEqual([{ pointer: '/unit', detail: 'SKHDT was not active during 2025-Q2' }]);
      await fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SKHDT', '2025-Q1', { value: 1 });
    });

    it('refuses typed values for a measured indicator', async () => {
      await fx.indicators.create(
        SECRETARIAT,
        buildIndicator({
          code: 'EXC-01',
          name: 'Số giao dịch',
          unit: 'giao dịch',
          measure: 'exchange-transactions',
          targets: [],
        }),
      );
      const error = await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'EXC-01', 'SNV', '2024', { value: 10 }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/source']);
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'SNV', '2024', {
          value: 10,
          source: 'measured',
        } as never),
        'validation-failed',
      );
    });

    it('answers not-found for an unknown indicator or unit, and writes nothing', async () => {
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'XYZ-01', 'SNV', '2024', { value: 1 }),
        'not-found',
      );
      await expectCangError(
        fx.indicators.putValue(SECRETARIAT, 'CQS-03', 'NOPE', '2024', { value: 1 }),
        'not-found',
      );
      expect(await auditCount(fx.store.db, 'indicator-value.put')).toBe(0);
    });

    it('pages through values in (period, indicator, unit) order', async () => {
      for (const unit of ['UBND-HP', 'SNV', 'STP', 'Q-LECHAN']) {
        await fx.indicators.putValue(SECRETARIAT, 'CQS-03', unit, '2024', { value: 50 });
      }
      const first = await fx.indicators.listValues({ period: '2024', limit: 3 });
      expect(first.items.map((value) => value.unitId)).toEqual(['Q-LECHAN', 'SNV', 'STP']);
      const second = await fx.indicators.listValues({ period: '2024', limit: 3, cursor: first.nextCursor! });
      expect(second.items.map((value) => value.unitId)).toEqual(['UBND-HP']);
      expect(second.nextCursor).toBeNull();
      await expectCangError(fx.indicators.listValues({ cursor: 'nonsense' }), 'validation-failed');
    });
  });
}
