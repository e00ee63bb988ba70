import { Type } from '@sinclair/typebox';

// RFC 3339 date-time; a pattern rather than `format` so every validator (TypeBox, Ajv) agrees without plugins.
const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

/** An RFC 3339 date-time in input, e.g. an expiry. */
export const DateTimeInput = (description: string) =>
  Type.String({ pattern: DATE_TIME_PATTERN, description, examples: ['2027-12-31T17:00:00Z'] });

/** A time in a presented object: RFC 3339 in UTC. */
export const DateTimeView = (description: string) =>
  Type.String({ description, examples: ['2026-11-26T08:30:00.000Z'] });

/** A time that may be absent, in a presented object. */
export const OptionalDateTimeView = (description: string) =>
  Type.Union([DateTimeView(description), Type.Null()], { description });
