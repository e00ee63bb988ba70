import { isoDateOfJulianDay, julianDayOf, julianDayOfLunar, julianDayOfIso } from './lunar-calendar.js';

/** A dated day of a working calendar, with what it is (e.g. 'Tết Nguyên đán', 'Làm bù cho thứ Sáu 02/01'). */
export interface CalendarDay {
  readonly date: string; // YYYY-MM-DD
  readonly name: string;
}

/**
 * One year's departures from the plain week (Monday–Friday working, Saturday and Sunday off): the days
 * off (holidays, compensatory days, days swapped away) and the weekend days worked instead (swaps).
 */
export interface YearSchedule {
  readonly year: number;
  /** `official`: entered from the Prime Minister's decision; `proposed`: computed from the law here. */
  readonly source: 'official' | 'proposed';
  /** What the schedule rests on: the decision or announcement, or the articles of the law. */
  readonly basis: string;
  readonly daysOff: readonly CalendarDay[];
  readonly workingDays: readonly CalendarDay[];
}

/** The legal basis of a proposed schedule. */
export const PROPOSED_SCHEDULE_BASIS =
  'Đề xuất theo Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù) và Điều 112 (ngày nghỉ lễ, tết); ' +
  'chưa phải lịch chính thức do Thủ tướng Chính phủ quyết định';

/** Day of the week of a Julian day number: 0 Sunday … 6 Saturday. */
export function weekdayOfJulianDay(jd: number): number {
  return (jd + 1) % 7;
}

/** Whether a date 'YYYY-MM-DD' is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const day = weekdayOfJulianDay(julianDayOfIso(date));
  return day === 0 || day === 6;
}

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** 'thứ Sáu 02/01' for 2026-01-02: how Vietnamese announcements name a day. */
export function vietnameseDayName(date: string): string {
  const weekday = WEEKDAY_NAMES[weekdayOfJulianDay(julianDayOfIso(date))]!;
  return `${weekday} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/**
 * The Quốc khánh holiday's adjoining day (Art. 112(1)(đ): 2/9 "and one day before or after"), chosen as
 * the Prime Minister did from 2021 to 2025: the weekday that joins 2/9 to a weekend (Tue → Mon 1/9,
 * Thu → Fri 3/9, Fri → Thu 1/9, Sat → Fri 1/9, Mon and Sun → 3/9); on a Wednesday neither does, and the
 * day after is proposed.
 */
function nationalDayNeighbour(year: number): number {
  const national = julianDayOf(year, 9, 2);
  const weekday = weekdayOfJulianDay(national);
  return [2, 5, 6].includes(weekday) ? national - 1 : national + 1;
}

/**
 * The schedule the Labour Code 2019 implies for a year, before the Prime Minister decides it:
 * - Art. 112(1): Tết Dương lịch (1/1); Tết Nguyên đán, 5 days, proposed as the last two days of the old
 *   lunar year and the first three of the new, as decided every year from 2021 to 2025; Giỗ Tổ Hùng Vương
 *   (10/3 lunar); Ngày Chiến thắng (30/4); Ngày Quốc tế lao động (1/5); Quốc khánh (2/9) with its adjoining day;
 * - Art. 111(3): a holiday falling on the weekly rest day (Saturday or Sunday for state bodies working
 *   five days a week) is made up on the next working day.
 * Art. 112(3) leaves the exact Tết days and Quốc khánh's adjoining day to the Prime Minister, and swaps of
 * working days are his decision too: the secretariat enters the official schedule, which wins.
 */
export function proposedYearSchedule(year: number): YearSchedule {
  const tet = julianDayOfLunar({ day: 1, month: 1, year, leap: false })!;
  const hungKings = julianDayOfLunar({ day: 10, month: 3, year, leap: false })!;
  const holidays: [number, string][] = [
    [julianDayOf(year, 1, 1), 'Tết Dương lịch'],
    [tet - 2, 'Tết Nguyên đán'],
    [tet - 1, 'Tết Nguyên đán'],
    [tet, 'Tết Nguyên đán (mùng 1)'],
    [tet + 1, 'Tết Nguyên đán (mùng 2)'],
    [tet + 2, 'Tết Nguyên đán (mùng 3)'],
    [hungKings, 'Giỗ Tổ Hùng Vương'],
    [julianDayOf(year, 4, 30), 'Ngày Chiến thắng'],
    [julianDayOf(year, 5, 1), 'Ngày Quốc tế lao động'],
    [julianDayOf(year, 9, 2), 'Quốc khánh'],
    [nationalDayNeighbour(year), 'Quốc khánh (ngày liền kề)'],
  ];
  const off = new Map<number, string>(holidays);
  const isWeekendDay = (jd: number) => [0, 6].includes(weekdayOfJulianDay(jd));
  for (const [jd, name] of [...holidays].sort((a, b) => a[0] - b[0])) {
    if (!isWeekendDay(jd)) continue;
    let makeUp = jd + 1;
    while (isWeekendDay(makeUp) || off.has(makeUp)) makeUp += 1;
    off.set(makeUp, `Nghỉ bù ${name} (${vietnameseDayName(isoDateOfJulianDay(jd))})`);
  }
  return {
    year,
    source: 'proposed',
    basis: PROPOSED_SCHEDULE_BASIS,
    daysOff: [...off]
      .sort((a, b) => a[0] - b[0])
      .map(([jd, name]) => ({ date: isoDateOfJulianDay(jd), name })),
    workingDays: [],
  };
}
