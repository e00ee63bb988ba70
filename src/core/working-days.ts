import { localDateOf, startOfLocalDate } from './local-date.js';
import { isoDateOfJulianDay, julianDayOfIso } from './lunar-calendar.js';
import { isWeekend, proposedYearSchedule, type YearSchedule } from './public-holidays.js';

/** Vietnam's working days: weekdays that are not days off, and weekend days made working by a swap. */
export interface WorkingCalendar {
  /** The year's schedule: the official one where it was entered, the law's proposal otherwise. */
  scheduleOf(year: number): YearSchedule;
  /** Whether a date 'YYYY-MM-DD' is a working day. */
  isWorkingDay(date: string): boolean;
  /** The n-th working day after a date (n ≥ 1; the date itself is not counted). */
  addWorkingDays(date: string, n: number): string;
}

/** Reads the working calendar as it stands now (official schedules entered so far). */
export type WorkingCalendarSource = () => Promise<WorkingCalendar>;

/**
 * A working calendar over the official schedules given (one per year at most); every other year follows
 * the law's proposal (`proposedYearSchedule`).
 */
export function workingCalendarOf(official: readonly YearSchedule[] = []): WorkingCalendar {
  const schedules = new Map<number, YearSchedule>(official.map((s) => [s.year, s]));
  const days = new Map<number, { off: ReadonlySet<string>; working: ReadonlySet<string> }>();
  const daysOf = (year: number) => {
    let found = days.get(year);
    if (found === undefined) {
      const schedule = calendar.scheduleOf(year);
      found = {
        off: new Set(schedule.daysOff.map((d) => d.date)),
        working: new Set(schedule.workingDays.map((d) => d.date)),
      };
      days.set(year, found);
    }
    return found;
  };
  const calendar: WorkingCalendar = {
    scheduleOf(year) {
      let schedule = schedules.get(year);
      if (schedule === undefined) {
        schedule = proposedYearSchedule(year);
        schedules.set(year, schedule);
      }
      return schedule;
    },
    isWorkingDay(date) {
      const { off, working } = daysOf(Number(date.slice(0, 4)));
      if (working.has(date)) return true;
      return !isWeekend(date) && !off.has(date);
    },
    addWorkingDays(date, n) {
      let jd = julianDayOfIso(date);
      let left = n;
      while (left > 0) {
        jd += 1;
        if (calendar.isWorkingDay(isoDateOfJulianDay(jd))) left -= 1;
      }
      return isoDateOfJulianDay(jd);
    },
  };
  return calendar;
}

/** A working-calendar source with no official schedule: the law's proposal for every year. */
export const proposedWorkingCalendar: WorkingCalendarSource = async () => workingCalendarOf();

/** A deadline counted in working days: its last day and the instant it ends. */
export interface WorkingDayDeadline {
  /** The last day on which acting is on time, 'YYYY-MM-DD' (Hải Phòng's date). */
  readonly dueDate: string;
  /** The instant the deadline ends: midnight (24:00) closing `dueDate` in Hải Phòng. */
  readonly endsAt: number;
}

/**
 * The deadline `n` working days after a date, counted as the Civil Code 2015 counts periods: the day
 * the period starts from is not counted (Art. 147(2)) and the period ends at 24:00 of its last day
 * (Art. 148(6)).
 */
export function deadlineAfter(calendar: WorkingCalendar, date: string, n: number): WorkingDayDeadline {
  const dueDate = calendar.addWorkingDays(date, n);
  return { dueDate, endsAt: startOfLocalDate(isoDateOfJulianDay(julianDayOfIso(dueDate) + 1)) };
}

/**
 * The latest date from which an `n`-working-day deadline has ended by the start of `today`: anything
 * dated on or before it is late today. Deadlines grow with their start date, so walking back from today
 * finds it; a year holds no run of days off longer than a few weeks, far below the bound.
 */
export function latestLateStart(calendar: WorkingCalendar, today: string, n: number): string {
  let jd = julianDayOfIso(today) - 1;
  for (let steps = 0; steps < 366; steps += 1, jd -= 1) {
    if (calendar.addWorkingDays(isoDateOfJulianDay(jd), n) < today) return isoDateOfJulianDay(jd);
  }
  throw new RangeError(`No working days within a year before ${today}`);
}

/**
 * The instant before which anything started is late at `now` under an `n`-working-day deadline: the
 * start of the day after `latestLateStart`. Lets a store filter late items with one comparison.
 */
export function lateIfStartedBefore(calendar: WorkingCalendar, now: number, n: number): number {
  const latest = latestLateStart(calendar, localDateOf(now), n);
  return startOfLocalDate(isoDateOfJulianDay(julianDayOfIso(latest) + 1));
}
