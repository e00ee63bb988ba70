import type { Kysely } from 'kysely';
import { type WorkingCalendarSource, type YearSchedule, workingCalendarOf } from '../../core/index.js';
import type { Database, SteeringWorkingCalendarTable } from '../../store/index.js';

/** An official schedule with its row. */
export interface OfficialSchedule {
  readonly row: SteeringWorkingCalendarTable;
  readonly schedule: YearSchedule;
}

/** Reads the official schedules entered, of one year or of all. */
export async function readOfficialSchedules(
  db: Kysely<Database>,
  year?: number,
): Promise<OfficialSchedule[]> {
  let years = db.selectFrom('steering_working_calendars').selectAll().orderBy('year');
  let days = db.selectFrom('steering_working_calendar_days').selectAll().orderBy('date');
  if (year !== undefined) {
    years = years.where('year', '=', year);
    days = days.where('year', '=', year);
  }
  const [rows, dayRows] = await Promise.all([years.execute(), days.execute()]);
  return rows.map((row) => {
    const own = dayRows.filter((d) => d.year === row.year);
    const of = (kind: 'day-off' | 'working-day') =>
      own.filter((d) => d.kind === kind).map((d) => ({ date: d.date, name: d.name }));
    return {
      row,
      schedule: {
        year: row.year,
        source: 'official',
        basis: row.basis,
        daysOff: of('day-off'),
        workingDays: of('working-day'),
      },
    };
  });
}

/**
 * The working calendar over the official schedules in the store, read afresh on every call so that a
 * schedule entered later changes every deadline computed after it; years without one follow the law's
 * proposal. The composition root hands it to the catalog, which never imports steering.
 */
export function officialWorkingCalendar(db: Kysely<Database>): WorkingCalendarSource {
  return async () => workingCalendarOf((await readOfficialSchedules(db)).map((o) => o.schedule));
}
