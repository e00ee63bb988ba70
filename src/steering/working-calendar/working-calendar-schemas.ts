import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, NullableText, Text } from '../common-schemas.js';

/** The years an official working calendar may be entered for. */
export const WORKING_CALENDAR_YEARS = { minimum: 2021, maximum: 2100 } as const;

/** A year of the working calendar, as a path parameter. */
export const WorkingCalendarYearParams = Type.Object({
  year: Type.Integer({ ...WORKING_CALENDAR_YEARS, description: 'The calendar year', examples: [2026] }),
});

const CalendarDayInput = (description: string, exampleDate: string, exampleName: string) =>
  Type.Object(
    { date: CalendarDate(description, exampleDate), name: Text('What the day is', exampleName, 255) },
    { additionalProperties: false },
  );

/**
 * A year's official working calendar, as the Prime Minister decided it: every day off on a weekday or
 * weekend (holidays, make-up days, days swapped away) and every weekend day worked instead.
 */
export const WorkingCalendarInput = Type.Object(
  {
    basis: Text(
      'The decision or announcement the schedule is taken from',
      'Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
      500,
    ),
    note: Type.Optional(
      Text('A note, e.g. what is not yet decided', 'Lịch nghỉ Quốc khánh chưa công bố', 2000),
    ),
    daysOff: Type.Array(CalendarDayInput('A day off', '2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch'), {
      maxItems: 60,
    }),
    workingDays: Type.Array(
      CalendarDayInput('A Saturday or Sunday worked instead', '2026-01-10', 'Làm bù cho thứ Sáu 02/01'),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
/** A year's official working calendar. */
export type WorkingCalendarInput = Static<typeof WorkingCalendarInput>;

const CalendarDayView = Type.Object({ date: Type.String(), name: Type.String() });

/** A year's working calendar: the official one when entered, otherwise the law's proposal. */
export const WorkingCalendarView = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.Literal('official'), Type.Literal('proposed')], {
    description: 'official: entered by the secretariat, and used; proposed: computed from the Labour Code',
  }),
  basis: Type.String(),
  note: NullableText('A note on the schedule'),
  sample: Type.Boolean({ description: 'Sample data shipped with Cảng, not entered by the secretariat' }),
  daysOff: Type.Array(CalendarDayView),
  workingDays: Type.Array(CalendarDayView, { description: 'Weekend days worked instead (swaps)' }),
  proposal: Type.Optional(
    Type.Object(
      { daysOff: Type.Array(CalendarDayView) },
      { description: 'What the law proposes, beside an official schedule, for comparison' },
    ),
  ),
  enteredBy: NullableText('Who entered the official schedule'),
  updatedAt: NullableText('When the official schedule was last entered'),
});
/** A year's working calendar as the API presents it. */
export type WorkingCalendarView = Static<typeof WorkingCalendarView>;

/** Which years to list. */
export const WorkingCalendarListQuery = Type.Object(
  {
    from: Type.Optional(
      Type.Integer({ ...WORKING_CALENDAR_YEARS, description: 'First year; last year by default' }),
    ),
    to: Type.Optional(
      Type.Integer({
        ...WORKING_CALENDAR_YEARS,
        description: 'Last year (at most 10 after from); next year by default',
      }),
    ),
  },
  { additionalProperties: false },
);
