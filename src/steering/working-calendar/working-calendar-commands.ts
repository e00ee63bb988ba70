import {
  type FieldProblems,
  isWeekend,
  parseInput,
  parseQuery,
  proposedYearSchedule,
  type WorkingCalendarSource,
  fieldError,
} from '../../core/index.js';
import type { AuditActor } from '../../store/index.js';
import { isCalendarDate } from '../calendar-date.js';
import type { SteeringContext } from '../steering-context.js';
import {
  type OfficialSchedule,
  officialWorkingCalendar,
  readOfficialSchedules,
} from './working-calendar-rows.js';
import {
  WORKING_CALENDAR_YEARS,
  WorkingCalendarInput,
  WorkingCalendarListQuery,
  type WorkingCalendarView,
} from './working-calendar-schemas.js';

/** The working calendar: the law's proposal per year, and the official schedules the secretariat enters. */
export interface WorkingCalendarCommands {
  /** The years from `from` to `to` (this year ± 1 by default), each official where entered. */
  list(query?: unknown): Promise<WorkingCalendarView[]>;
  /** One year: the official schedule where entered (with the law's proposal beside it), else the proposal. */
  get(year: number): Promise<WorkingCalendarView>;
  /**
   * Enters (or replaces) a year's official schedule, which then wins over the proposal for every deadline
   * computed afterwards. Refused with `validation-failed` naming the field for a date outside the year, a
   * date listed twice, a weekday given as a swapped working day, or a date both a working day and a day off.
   */
  put(
    actor: AuditActor,
    year: number,
    input: unknown,
    options?: { sample?: boolean },
  ): Promise<WorkingCalendarView>;
  /** The working calendar as it stands, for deadlines in other parts (the catalog's sharing requests). */
  readonly source: WorkingCalendarSource;
}

function presentOfficial({ row, schedule }: OfficialSchedule): WorkingCalendarView {
  return {
    year: row.year,
    source: 'official',
    basis: row.basis,
    note: row.note,
    sample: row.sample === 1,
    daysOff: [...schedule.daysOff],
    workingDays: [...schedule.workingDays],
    proposal: { daysOff: [...proposedYearSchedule(row.year).daysOff] },
    enteredBy: row.entered_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function presentProposal(year: number): WorkingCalendarView {
  const schedule = proposedYearSchedule(year);
  return {
    year,
    source: 'proposed',
    basis: schedule.basis,
    note: null,
    sample: false,
    daysOff: [...schedule.daysOff],
    workingDays: [],
    enteredBy: null,
    updatedAt: null,
  };
}

/** The semantic checks of an official schedule for `year`. */
function checkSchedule(year: number, input: Partial<WorkingCalendarInput>, problems: FieldProblems): void {
  const seen = new Map<string, string>();
  const checkDay = (list: 'daysOff' | 'workingDays', index: number, date: unknown) => {
    const pointer = `/${list}/${index}/date`;
    if (typeof date !== 'string' || problems.has(pointer)) return;
    if (!isCalendarDate(date)) return problems.add(pointer, 'is not a calendar date');
    if (!date.startsWith(`${year}-`)) return problems.add(pointer, `is not in ${year}`);
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      const both = earlier.startsWith('/daysOff') !== (list === 'daysOff');
      return problems.add(
        pointer,
        both
          ? `is also given at ${earlier}: a date cannot be both a working day and a day off`
          : `is listed twice (also at ${earlier})`,
      );
    }
    seen.set(date, pointer);
    if (list === 'workingDays' && !isWeekend(date)) {
      problems.add(
        pointer,
        'is a weekday, already a working day: only a Saturday or Sunday is swapped into one',
      );
    }
  };
  for (const list of ['daysOff', 'workingDays'] as const) {
    const days = input[list];
    if (Array.isArray(days)) days.forEach((d, i) => void checkDay(list, i, d?.date));
  }
}

/** Builds the working-calendar commands over a steering context. */
export function workingCalendarCommands(context: SteeringContext): WorkingCalendarCommands {
  const { db } = context;

  async function get(year: number): Promise<WorkingCalendarView> {
    const [official] = await readOfficialSchedules(db, year);
    return official === undefined ? presentProposal(year) : presentOfficial(official);
  }

  return {
    async list(raw) {
      const query = parseQuery(WorkingCalendarListQuery, raw ?? {});
      const thisYear = Number(context.today().slice(0, 4));
      const from = query.from ?? thisYear - 1;
      const to = query.to ?? Math.max(from, thisYear + 1);
      const official = new Map((await readOfficialSchedules(db)).map((o) => [o.row.year, o]));
      const views: WorkingCalendarView[] = [];
      for (let year = from; year <= Math.min(to, from + 10); year += 1) {
        const entered = official.get(year);
        views.push(entered === undefined ? presentProposal(year) : presentOfficial(entered));
      }
      return views;
    },

    get,

    async put(actor, year, raw, options = {}) {
      if (
        !Number.isInteger(year) ||
        year < WORKING_CALENDAR_YEARS.minimum ||
        year > WORKING_CALENDAR_YEARS.maximum
      ) {
        throw fieldError(
          '/year',
          `must be a year from ${WORKING_CALENDAR_YEARS.minimum} to ${WORKING_CALENDAR_YEARS.maximum}`,
        );
      }
      const input = parseInput(WorkingCalendarInput, raw, 'Invalid working calendar', (value, problems) =>
        checkSchedule(year, value, problems),
      );
      await context.write(actor, async (trx, at) => {
        const existing = await trx
          .selectFrom('steering_working_calendars')
          .select('created_at')
          .where('year', '=', year)
          .executeTakeFirst();
        // The days go with their year (on delete cascade is not relied on: SQLite enforces it only with
        // foreign keys on), then the year and its days are written again.
        await trx.deleteFrom('steering_working_calendar_days').where('year', '=', year).execute();
        await trx.deleteFrom('steering_working_calendars').where('year', '=', year).execute();
        await trx
          .insertInto('steering_working_calendars')
          .values({
            year,
            basis: input.basis,
            note: input.note ?? null,
            sample: options.sample === true ? 1 : 0,
            entered_by: actor.id,
            created_at: existing?.created_at ?? at,
            updated_at: at,
          })
          .execute();
        const days = [
          ...input.daysOff.map((d) => ({ ...d, year, kind: 'day-off' as const })),
          ...input.workingDays.map((d) => ({ ...d, year, kind: 'working-day' as const })),
        ];
        if (days.length > 0) await trx.insertInto('steering_working_calendar_days').values(days).execute();
        return {
          result: undefined,
          audit: {
            action: 'steering.working-calendar.put',
            resource: `working-calendar/${year}`,
            details: { ...input, replaced: existing !== undefined },
          },
        };
      });
      return get(year);
    },

    source: officialWorkingCalendar(db),
  };
}
