import { Type } from '@sinclair/typebox';
import { CALENDAR_DATE_PATTERN } from './calendar-date.js';
import { PERIOD_PATTERN } from './period.js';

/** A calendar date 'YYYY-MM-DD'. */
export const CalendarDate = (description: string, example = '2025-03-01') =>
  Type.String({ pattern: CALENDAR_DATE_PATTERN, description, examples: [example] });

/** An optional calendar date that may be null in a view. */
export const NullableDate = (description: string) =>
  Type.Union([CalendarDate(description), Type.Null()], { description });

/** A unit id: the unit code, one identifier segment. */
export const UnitId = (description = 'Unit code', example = 'SNV') =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description, examples: [example] });

/** A reporting period. */
export const PeriodSchema = Type.String({
  pattern: PERIOD_PATTERN,
  description: "Month 'YYYY-MM', quarter 'YYYY-Qn', half 'YYYY-Hn' or year 'YYYY'",
  examples: ['2025-Q2'],
});

/** Free text of a title or name, Vietnamese UTF-8 (stored NFC). */
export const Text = (description: string, example: string, maxLength = 500) =>
  Type.String({ minLength: 1, maxLength, description, examples: [example] });

/** Text that may be absent in a view. */
export const NullableText = (description: string) =>
  Type.Union([Type.String(), Type.Null()], { description });

/** A query with an optional `asOf` date. */
export const AsOfQuery = Type.Object(
  { asOf: Type.Optional(CalendarDate('The date the answer is for; today in Hải Phòng by default')) },
  { additionalProperties: false },
);
