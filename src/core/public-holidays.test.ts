import { describe, expect, it } from 'vitest';
import { isWeekend, proposedYearSchedule, vietnameseDayName } from './public-holidays.js';
import { workingCalendarOf } from './working-days.js';

/** The weekdays between two dates (inclusive) that the law's proposal takes off. */
function weekdaysOff(from: string, to: string): string[] {
  const calendar = workingCalendarOf();
  const found: string[] = [];
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    if (!isWeekend(date) && !calendar.isWorkingDay(date)) found.push(date);
  }
  return found;
}

describe('the schedule proposed from the Labour Code 2019', () => {
  it('proposes the weekdays off of the Tết holidays the Prime Minister decided in 2022–2026', () => {
    expect(weekdaysOff('2022-01-20', '2022-02-20')).toEqual([
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
    ]);
    // 2023: Tết on a Sunday; two days made up after mùng 3.
    expect(weekdaysOff('2023-01-10', '2023-02-10')).toEqual([
      '2023-01-20',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
    ]);
    expect(weekdaysOff('2024-02-01', '2024-02-20')).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    expect(weekdaysOff('2025-01-20', '2025-02-10')).toEqual([
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
    expect(weekdaysOff('2026-02-01', '2026-02-28')).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
  });

  it('makes up holidays on a weekend on the next working day (2023: 29/4 and 30/4 on a weekend)', () => {
    expect(weekdaysOff('2023-04-25', '2023-05-10')).toEqual(['2023-05-01', '2023-05-02', '2023-05-03']);
    const makeUp = proposedYearSchedule(2023).daysOff.find((d) => d.date === '2023-05-02');
    expect(makeUp?.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (thứ Bảy 29/04)');
    // 2026: Giỗ Tổ on Sunday 26/4 is made up on Monday 27/4.
    expect(weekdaysOff('2026-04-20', '2026-05-05')).toEqual(['2026-04-27', '2026-04-30', '2026-05-01']);
  });

  it('proposes Quốc khánh’s adjoining day as the days off of 2021–2025 had it', () => {
    const national = (year: number) => weekdaysOff(`${year}-08-28`, `${year}-09-08`);
    expect(national(2021)).toEqual(['2021-09-02', '2021-09-03']);
    expect(national(2022)).toEqual(['2022-09-01', '2022-09-02']);
    expect(national(2023)).toEqual(['2023-09-01', '2023-09-04']);
    expect(national(2024)).toEqual(['2024-09-02', '2024-09-03']);
    expect(national(2025)).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('marks itself as a proposal and proposes no swapped working days', () => {
    const schedule = proposedYearSchedule(2026);
    expect(schedule.source).toBe('proposed');
    expect(schedule.basis).toContain('Điều 112');
    expect(schedule.workingDays).toEqual([]);
    expect(schedule.daysOff[0]).toEqual({ date: '2026-01-01', name: 'Tết Dương lịch' });
  });

  it('names days as Vietnamese announcements do', () => {
    expect(vietnameseDayName('2026-01-02')).toBe('thứ Sáu 02/01');
    expect(vietnameseDayName('2026-01-04')).toBe('Chủ nhật 04/01');
  });
});
