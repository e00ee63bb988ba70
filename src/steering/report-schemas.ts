import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, NullableText, PeriodSchema, UnitId } from './common-schemas.js';

/** Report states: draft → submitted → accepted | returned; a returned report is edited and resubmitted. */
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
/** A report state. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const ReportStatusSchema = Type.Union(
  REPORT_STATUSES.map((status) => Type.Literal(status)),
  { description: 'draft, submitted, accepted or returned' },
);

/** A report's line on one of the unit's tasks. */
export const ReportItemInput = Type.Object(
  {
    taskId: Type.String({ minLength: 1, maxLength: 64, description: 'A task the unit leads' }),
    progress: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Percent done at the end of the period',
    }),
    narrative: Type.Optional(Type.String({ maxLength: 5000 })),
    evidenceIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);

/** A new report of a unit for a period. */
export const ReportInput = Type.Object(
  {
    unitId: UnitId('The reporting unit', 'Q-LECHAN'),
    period: PeriodSchema,
    narrative: Type.String({ maxLength: 20000, description: 'What was done in the period' }),
    items: Type.Optional(Type.Array(ReportItemInput, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
/** A new report. */
export type ReportInput = Static<typeof ReportInput>;

/** Changes to a draft or returned report. */
export const ReportPatch = Type.Object(
  {
    narrative: Type.Optional(Type.String({ maxLength: 20000 })),
    items: Type.Optional(Type.Array(ReportItemInput, { maxItems: 500 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a report. */
export type ReportPatch = Static<typeof ReportPatch>;

/** Sending a report back, with what to fix. */
export const ReturnInput = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 5000, description: 'What to fix' }) },
  { additionalProperties: false },
);

/** A report as presented. */
export const ReportView = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  period: Type.String(),
  deadline: CalendarDate('Last day the report is on time: 5 days after the period ends'),
  status: ReportStatusSchema,
  narrative: Type.String(),
  returnComment: NullableText('Why it was returned'),
  submittedAt: NullableText('When last submitted (RFC 3339)'),
  decidedAt: NullableText('When accepted or returned (RFC 3339)'),
  decidedBy: NullableText('Who accepted or returned it'),
  items: Type.Array(
    Type.Object({
      taskId: Type.String(),
      progress: Type.Integer(),
      narrative: NullableText('Narrative'),
      evidenceIds: Type.Array(Type.String()),
    }),
  ),
});
/** A report as presented. */
export type ReportView = Static<typeof ReportView>;

/** Filters of the report list. */
export const ReportQuery = Type.Object(
  {
    period: Type.Optional(PeriodSchema),
    unitId: Type.Optional(UnitId()),
    status: Type.Optional(ReportStatusSchema),
  },
  { additionalProperties: false },
);
/** Filters of the report list. */
export type ReportQuery = Static<typeof ReportQuery>;

/** Where a unit stands for a period. */
export const ReportingState = Type.Union(
  ['on-time', 'late', 'missing', 'pending'].map((state) => Type.Literal(state)),
  {
    description:
      'on-time, late (submitted after the deadline), missing (none submitted by the deadline), pending',
  },
);

/** Who has reported for a period, and who is late or missing. */
export const ReportingStatusView = Type.Object({
  period: Type.String(),
  start: CalendarDate('First day'),
  end: CalendarDate('Last day'),
  deadline: CalendarDate('Due date'),
  asOf: CalendarDate('Date of the answer'),
  units: Type.Array(
    Type.Object({
      unitId: Type.String(),
      unitName: Type.String(),
      kind: Type.String({ description: 'The unit’s level: city, department, district or commune' }),
      state: ReportingState,
      reportId: NullableText('The report, if any'),
      reportStatus: Type.Union([ReportStatusSchema, Type.Null()]),
    }),
  ),
  late: Type.Array(Type.String(), { description: 'Units that submitted after the deadline' }),
  missing: Type.Array(Type.String(), { description: 'Units with no submitted report after the deadline' }),
});
/** Reporting status of a period. */
export type ReportingStatusView = Static<typeof ReportingStatusView>;
