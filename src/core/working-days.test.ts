import { describe, expect, it } from 'vitest';
import type { YearSchedule } from './public-holidays.js';
import { deadlineAfter, lateIfStartedBefore, latestLateStart, workingCalendarOf } from './working-days.js';

/** The official 2026 New Year: Friday 2/1 swapped with Saturday 10/1 (Công văn 12729/VPCP-KGVX). */
const NEW_YEAR_2026: YearSchedule = {
  year: 2026,
  source: 'official',
  basis: 'Công văn số 12729/VPCP-KGVX ngày 25/12/2025',
  daysOff: [
    { date: '2026-01-01', name: 'Tết Dương lịch' },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi' },
  ],
  workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01' }],
};

describe('working days', () => {
  it('counts weekdays, skipping weekends, holidays and their make-up days', () => {
    const calendar = workingCalendarOf();
    expect(calendar.addWorkingDays('2026-12-01', 2)).toBe('2026-12-03'); // Tue → Thu
    expect(calendar.addWorkingDays('2026-12-04', 2)).toBe('2026-12-08'); // Fri → Tue
    expect(calendar.addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Sat → Mon
    // Tết Bính Ngọ: Friday 13/2 → the first working days are Monday 23/2 and Tuesday 24/2.
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    // A year boundary: Wed 31/12/2025 → Fri 2/1/2026 is a working day by the law alone.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
  });

  it('follows the official schedule where one was entered: days off and swapped working days', () => {
    const calendar = workingCalendarOf([NEW_YEAR_2026]);
    expect(calendar.scheduleOf(2026)).toBe(NEW_YEAR_2026);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(calendar.addWorkingDays('2026-01-08', 2)).toBe('2026-01-10'); // Thu → Fri 9, Sat 10 (swap)
    // The official 2026 entered here holds no Tết: the official schedule wins, for the whole year.
    expect(calendar.isWorkingDay('2026-02-17')).toBe(true);
    expect(calendar.scheduleOf(2025).source).toBe('proposed');
  });

  it('ends a deadline at 24:00 of its last day in Hải Phòng', () => {
    const deadline = deadlineAfter(workingCalendarOf(), '2026-12-01', 2);
    expect(deadline).toEqual({ dueDate: '2026-12-03', endsAt: Date.parse('2026-12-03T17:00:00Z') });
  });

  it('finds the latest start date whose deadline has ended by today', () => {
    const calendar = workingCalendarOf();
    // Today Thursday 3/12: a request of Monday 30/11 was due Wednesday 2/12; Tuesday's is due today.
    expect(latestLateStart(calendar, '2026-12-03', 2)).toBe('2026-11-30');
    // Today Monday 7/12: Wednesday 2/12 was due Friday 4/12; Thursday's is due today.
    expect(latestLateStart(calendar, '2026-12-07', 2)).toBe('2026-12-02');
    // Today Tuesday 24/2/2026, after Tết: a request of Friday 13/2 is due today; Thursday 12/2's was due
    // Monday 23/2.
    expect(latestLateStart(calendar, '2026-02-24', 2)).toBe('2026-02-12');
  });

  it('turns the latest late start into an instant a store can compare with', () => {
    const now = Date.parse('2026-12-03T09:00:00Z'); // Thursday 16:00 in Hải Phòng
    // Anything submitted before Tuesday 1/12 00:00 in Hải Phòng (30/11 17:00 UTC) is late.
    expect(lateIfStartedBefore(workingCalendarOf(), now, 2)).toBe(Date.parse('2026-11-30T17:00:00Z'));
  });
});
