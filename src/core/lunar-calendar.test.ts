import { describe, expect, it } from 'vitest';
import { lunarDateOf, lunarNewYear, solarDateOfLunar } from './lunar-calendar.js';

/** Tết Nguyên đán in Vietnam, as published (and kept) by the Vietnamese calendar. */
const TET: Readonly<Record<number, string>> = {
  1985: '1985-01-21',
  2000: '2000-02-05',
  2007: '2007-02-17',
  2010: '2010-02-14',
  2015: '2015-02-19',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
};

/** Giỗ Tổ Hùng Vương (10/3 lunar), as the official holiday schedules gave it. */
const HUNG_KINGS: Readonly<Record<number, string>> = {
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
};

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('gives Vietnam’s Tết Nguyên đán for many years', () => {
    for (const [year, date] of Object.entries(TET)) expect(lunarNewYear(Number(year)), year).toBe(date);
  });

  it('differs from China’s calendar (UTC+8) where a new moon falls near midnight', () => {
    // China's Spring Festival was 1985-02-20 and 2007-02-18.
    expect(lunarNewYear(1985)).not.toBe('1985-02-20');
    expect(lunarNewYear(2007)).not.toBe('2007-02-18');
    // In 1985 Vietnam's month 12 began a month before China's, so 1985-02-19 is already 30/1.
    expect(lunarDateOf(1985, 2, 19)).toEqual({ day: 30, month: 1, year: 1985, leap: false });
  });

  it('gives Giỗ Tổ Hùng Vương on 10/3 lunar', () => {
    for (const [year, date] of Object.entries(HUNG_KINGS)) {
      expect(solarDateOfLunar({ day: 10, month: 3, year: Number(year), leap: false }), year).toBe(date);
    }
  });

  it('places leap months and the last day of a year', () => {
    // 2023 had a leap second month (2/2 nhuận began on 2023-03-22); 2025 a leap sixth.
    expect(lunarDateOf(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarDateOf(2023, 4, 20)).toEqual({ day: 1, month: 3, year: 2023, leap: false });
    expect(solarDateOfLunar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    // Tết Bính Ngọ 2026 follows 29 tháng Chạp (2026-02-16): the month had 29 days.
    expect(lunarDateOf(2026, 2, 16)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => solarDateOfLunar({ day: 1, month: 5, year: 2026, leap: true })).toThrow(RangeError);
  });

  it('turns every day of two years into a lunar date and back', () => {
    for (let ms = Date.parse('2025-01-01'); ms < Date.parse('2027-01-01'); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      expect(solarDateOfLunar(lunarDateOf(y, m, d))).toBe(iso);
    }
  });
});
