import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, PeriodSchema } from './common-schemas.js';
import { ReportingStatusView } from './report-schemas.js';
import { TaskView } from './task-schemas.js';
import { UNIT_KINDS } from './unit-kinds.js';

/** Query of the gaps view. */
export const GapsQuery = Type.Object(
  {
    asOf: Type.Optional(CalendarDate('Date of the answer; today by default')),
    period: Type.Optional(PeriodSchema),
    level: Type.Optional(
      Type.Union(
        UNIT_KINDS.map((kind) => Type.Literal(kind)),
        { description: 'Only the units of one level: city, department, district or commune' },
      ),
    ),
  },
  { additionalProperties: false },
);
/** Query of the gaps view. */
export type GapsQuery = Static<typeof GapsQuery>;

const UnitRef = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() });

/** What the committee should chase: units without committee or plan, overdue tasks, missing reports. */
export const GapsView = Type.Object({
  asOf: CalendarDate('Date of the answer'),
  unitsWithoutCommittee: Type.Array(UnitRef),
  unitsWithoutPlan: Type.Array(UnitRef),
  overdueTasks: Type.Array(TaskView),
  reporting: Type.Union([ReportingStatusView, Type.Null()], { description: 'For the period asked, if any' }),
});
/** The gaps view. */
export type GapsView = Static<typeof GapsView>;
