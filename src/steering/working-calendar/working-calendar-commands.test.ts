import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CangError } from '../../core/index.js';
import {
  createSteeringFixture,
  DIALECTS,
  SECRETARIAT,
  type SteeringFixture,
} from '../test-support/steering-fixtures.js';
import { SAMPLE_WORKING_CALENDARS, seedWorkingCalendarSample } from './seed-working-calendar-sample.js';

const DEC_2_2026 = Date.parse('2026-12-02T03:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<CangError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CangError);
  expect((error as CangError).code).toBe('validation-failed');
  return error as CangError;
}

for (const dialect of DIALECTS) {
  describe(`the working calendar on ${dialect}`, () => {
    let fx: SteeringFixture;
    beforeEach(async () => {
      fx = await createSteeringFixture(dialect, { seed: false, now: DEC_2_2026 });
    });
    afterEach(() => fx.store.close());

    const calendars = () => fx.steering.workingCalendar;
    const countRows = async () => {
      const years = await fx.store.db.selectFrom('steering_working_calendars').select('year').execute();
      const days = await fx.store.db.selectFrom('steering_working_calendar_days').select('date').execute();
      return { years: years.length, days: days.length };
    };

    it('proposes a year from the law until the official schedule is entered, which then wins', async () => {
      const proposed = await calendars().get(2027);
      expect(proposed).toMatchObject({ year: 2027, source: 'proposed', workingDays: [], enteredBy: null });
      expect(proposed.daysOff.map((d) => d.date)).toContain('2027-02-06'); // Tết Đinh Mùi
      expect((await calendars().source()).isWorkingDay('2027-02-08')).toBe(false);

      const official = await calendars().put(SECRETARIAT, 2027, {
        basis: 'Thông báo thử nghiệm',
        daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch' }],
        workingDays: [{ date: '2027-01-09', name: 'Làm bù' }],
      });
      expect(official).toMatchObject({ source: 'official', basis: 'Thông báo thử nghiệm', sample: false });
      expect(official.proposal?.daysOff.length).toBe(proposed.daysOff.length);
      const calendar = await calendars().source();
      expect(calendar.isWorkingDay('2027-02-08')).toBe(true);
      expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select(['action', 'resource', 'actor'])
        .execute();
      expect(audit).toEqual([
        { action: 'steering.working-calendar.put', resource: 'working-calendar/2027', actor: SECRETARIAT.id },
      ]);
      // Entering it again replaces the days, never adds to them.
      await calendars().put(SECRETARIAT, 2027, { basis: 'Bản sửa', daysOff: [], workingDays: [] });
      expect(await countRows()).toEqual({ years: 1, days: 0 });
    });

    it('refuses a date that is both a working day and a day off, naming the field and writing nothing', async () => {
      const error = await refusal(
        calendars().put(SECRETARIAT, 2026, {
          basis: 'Lịch sai',
          daysOff: [{ date: '2026-01-10', name: 'Nghỉ' }],
          workingDays: [{ date: '2026-01-10', name: 'Làm bù' }],
        }),
      );
      expect(error.errors).toEqual([
        {
          pointer: '/workingDays/0/date',
          detail: 'is also given at /daysOff/0/date: a date cannot be both a working day and a day off',
        },
      ]);
      expect(await countRows()).toEqual({ years: 0, days: 0 });
      expect(await fx.store.db.selectFrom('audit_events').select('id').execute()).toEqual([]);
    });

    it('refuses dates outside the year, listed twice, not real, or a weekday as a swapped working day', async () => {
      const error = await refusal(
        calendars().put(SECRETARIAT, 2026, {
          basis: 'Lịch sai',
          daysOff: [
            { date: '2025-12-31', name: 'Năm khác' },
            { date: '2026-02-17', name: 'Tết' },
            { date: '2026-02-17', name: 'Tết lần hai' },
            { date: '2026-02-30', name: 'Không có' },
          ],
          workingDays: [{ date: '2026-01-07', name: 'Thứ Tư' }],
        }),
      );
      expect(error.errors?.map((p) => p.pointer)).toEqual([
        '/daysOff/0/date',
        '/daysOff/2/date',
        '/daysOff/3/date',
        '/workingDays/0/date',
      ]);
      expect(error.errors?.[1]?.detail).toBe('is listed twice (also at /daysOff/1/date)');
      await expect(
        calendars().put(SECRETARIAT, 1999, { basis: 'x', daysOff: [], workingDays: [] }),
      ).rejects.toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/year' }] });
      expect(await countRows()).toEqual({ years: 0, days: 0 });
    });

    it('seeds the sample calendars of 2025 and 2026 once, marked as sample', async () => {
      expect(await seedWorkingCalendarSample(fx.steering, SECRETARIAT)).toEqual([2025, 2026]);
      expect(await seedWorkingCalendarSample(fx.steering, SECRETARIAT)).toEqual([]);
      const listed = await calendars().list({ from: 2025, to: 2027 });
      expect(listed.map((c) => [c.year, c.source, c.sample])).toEqual([
        [2025, 'official', true],
        [2026, 'official', true],
        [2027, 'proposed', false],
      ]);
      expect(listed[1]!.daysOff.length).toBe(SAMPLE_WORKING_CALENDARS[2026]!.daysOff.length);
      const calendar = await calendars().source();
      // 2026: Friday 2/1 swapped with Saturday 10/1; 2025: Friday 2/5 with Saturday 26/4.
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
      expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
      expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    });
  });
}
