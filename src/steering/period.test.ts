import { describe, expect, it } from 'vitest';
import { requirePeriod } from './period-input.js';
import { parsePeriod, periodStarted, unitActiveIn } from './period.js';

describe('periods', () => {
  it('parses a year, a half, a quarter and a month into Hải Phòng calendar bounds', () => {
    expect(parsePeriod('2024')).toMatchObject({
      kind: 'year',
      year: 2024,
      start: '2024-01-01',
      end: '2024-12-31',
    });
    expect(parsePeriod('2024-H2')).toMatchObject({ kind: 'half', start: '2024-07-01', end: '2024-12-31' });
    expect(parsePeriod('2024-Q1')).toMatchObject({ kind: 'quarter', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
    // Midnight in Hải Phòng is 17:00 UTC the day before.
    expect(parsePeriod('2024-07')!.startMs).toBe(Date.parse('2024-06-30T17:00:00Z'));
    expect(parsePeriod('2024-07')!.endMs).toBe(Date.parse('2024-07-31T17:00:00Z'));
  });

  it('refuses anything else', () => {
    for (const text of [
      '24',
      '2024-13',
      '2024-H3',
      '2024-Q5',
      '2024-00',
      '2024-1',
      '2024 ',
      'năm 2024',
      '1899',
    ]) {
      expect(parsePeriod(text), text).toBeUndefined();
    }
  });

  it('refuses a bad period of a request as validation-failed naming the field', () => {
    expect(() => requirePeriod('2025-Q5', '/query/period')).toThrow(
      expect.objectContaining({
        code: 'validation-failed',
        errors: [{ pointer: '/query/period', detail: "must be 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM'" }],
      }),
    );
  });

  it('tells whether a period has started on the local calendar', () => {
    const july = parsePeriod('2025-07')!;
    expect(periodStarted(july, Date.parse('2025-06-30T16:59:59Z'))).toBe(false);
    expect(periodStarted(july, Date.parse('2025-06-30T17:00:00Z'))).toBe(true);
  });

  it('tells whether a unit existed during a period', () => {
    const q1 = parsePeriod('2025-Q1')!;
    expect(unitActiveIn(q1, '2021-01-01', '2025-02-28')).toBe(true);
    expect(unitActiveIn(q1, '2021-01-01', '2024-12-31')).toBe(false);
    expect(unitActiveIn(q1, '2025-04-01', null)).toBe(false);
    expect(unitActiveIn(q1, '2025-03-31', null)).toBe(true);
  });
});
