import { describe, expect, it } from 'vitest';
// The server's period model, dependency-free: the console keeps its own small copy (it talks to /api/v1
// only, and its bundle takes nothing from src/), and this test keeps the two equal.
import { parsePeriod } from '../../../src/steering/period.js';
import { lightOf, PERIOD, periodSpan, quarterOf, recentQuarters, yearsUpTo } from './steering-period';

describe('steering periods', () => {
  it('names the quarter of a date and the quarters before it', () => {
    expect(quarterOf('2026-11-26')).toBe('2026-Q4');
    expect(quarterOf('2025-01-01')).toBe('2025-Q1');
    expect(recentQuarters('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(yearsUpTo('2024-05-01', 2022)).toEqual(['2024', '2023', '2022']);
  });

  it('spans a period from its first to its last day', () => {
    expect(periodSpan('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodSpan('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodSpan('2025-H2')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(periodSpan('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('lights green at 1.0, amber from 0.7, red below, none without a target', () => {
    expect(lightOf(1)).toBe('green');
    expect(lightOf(0.7)).toBe('amber');
    expect(lightOf(0.699)).toBe('red');
    expect(lightOf(null)).toBe('none');
  });

  it('reads periods exactly as the server does', () => {
    const cases = ['2025', '2025-H1', '2025-H2', '2024-Q1', '2025-Q4', '2024-02', '2025-12', '2023-02'];
    const refused = ['25', '2025-H3', '2025-Q0', '2025-Q5', '2025-00', '2025-13', '2025-1', '2025 ', 'quý 2'];
    for (const text of [...cases, ...refused]) {
      const server = parsePeriod(text);
      expect(PERIOD.test(text), text).toBe(server !== undefined);
      if (server !== undefined)
        expect(periodSpan(text), text).toEqual({ start: server.start, end: server.end });
    }
  });
});
