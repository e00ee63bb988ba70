import { type Static, Type } from '@sinclair/typebox';
import { PERIOD_PATTERN } from '../period.js';
import { UNIT_KINDS } from '../unit-kinds.js';

/** What a measured indicator counts on the platform itself. */
export const MEASURES = [
  'exchange-transactions',
  'registry-systems',
  'registry-services',
  'catalog-shared-entries',
  'catalog-open-datasets',
  'catalog-requests-on-time',
] as const;
/** What a measured indicator counts. */
export type Measure = (typeof MEASURES)[number];

/** An indicator code such as CQS-03 or EXC-01. */
export const IndicatorCode = Type.String({
  pattern: '^[A-Z][A-Z0-9]{1,9}-[0-9]{2,3}$',
  description: 'Indicator code: a group and a number',
  examples: ['CQS-03'],
});
/** A steering unit code such as UBND-HP, SNV or Q-LECHAN. */
export const UnitCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'Steering unit code',
  examples: ['UBND-HP'],
});
/** A period: 'YYYY', 'YYYY-Hn', 'YYYY-Qn' or 'YYYY-MM'. */
export const PeriodText = Type.String({
  pattern: PERIOD_PATTERN,
  description: "Period: 'YYYY', 'YYYY-Hn' (half), 'YYYY-Qn' (quarter) or 'YYYY-MM' (month)",
  examples: ['2024', '2024-H1', '2024-Q3', '2024-07'],
});
const UnitKindSchema = Type.Union(
  UNIT_KINDS.map((kind) => Type.Literal(kind)),
  { description: 'Kind of steering unit', examples: ['district'] },
);
const Level = Type.Union([UnitKindSchema, Type.Literal('*')], {
  description: "Unit kind the target is for, or '*' for every level without its own target",
});
const Year = Type.Integer({ minimum: 2000, maximum: 2100, examples: [2025] });
const Direction = Type.Union([Type.Literal('up'), Type.Literal('down')], {
  description: 'Whether more (up) or less (down) is better',
});
const Levels = Type.Array(UnitKindSchema, {
  minItems: 1,
  uniqueItems: true,
  description: 'Unit kinds it applies to',
});
const Weight = Type.Number({
  exclusiveMinimum: 0,
  maximum: 1000,
  description: 'Weight in a unit index; 1 by default',
});
const Baseline = Type.Object(
  { value: Type.Number(), year: Year },
  { additionalProperties: false, description: 'The value the program started from' },
);
const Text = (description: string, example: string, maxLength = 255) =>
  Type.String({ minLength: 1, maxLength, description, examples: [example] });

const Note = Text('Note', 'KH 106/KH-UBND nâng chỉ tiêu 2025', 2000);

/** One target of an indicator. */
export const TargetInput = Type.Object(
  { level: Level, year: Year, target: Type.Number({ description: 'Target value for the year' }) },
  { additionalProperties: false },
);
/** One target of an indicator. */
export type TargetInput = Static<typeof TargetInput>;

/** The full list of an indicator's targets; replaces the previous list. */
export const TargetsInput = Type.Array(TargetInput, {
  maxItems: 500,
  description: 'Targets per level and year',
});

/** Input to define an indicator. */
export const IndicatorInput = Type.Object(
  {
    code: IndicatorCode,
    name: Text('Name, Vietnamese', 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', 500),
    pillar: Text('Pillar, e.g. digital-government', 'digital-government', 64),
    unit: Text('Unit of measure', '%', 32),
    direction: Direction,
    levels: Levels,
    weight: Type.Optional(Weight),
    baseline: Type.Optional(Baseline),
    measure: Type.Optional(
      Type.Union(
        MEASURES.map((m) => Type.Literal(m)),
        { description: 'Measured from the platform itself; absent for reported indicators' },
      ),
    ),
    note: Type.Optional(Note),
    targets: Type.Optional(TargetsInput),
  },
  { additionalProperties: false, description: 'A new indicator' },
);
/** Input to define an indicator. */
export type IndicatorInput = Static<typeof IndicatorInput>;

/** Changes to an indicator; null clears the baseline or the note. */
export const IndicatorPatch = Type.Object(
  {
    name: Type.Optional(IndicatorInput.properties.name),
    pillar: Type.Optional(IndicatorInput.properties.pillar),
    unit: Type.Optional(IndicatorInput.properties.unit),
    direction: Type.Optional(Direction),
    levels: Type.Optional(Levels),
    weight: Type.Optional(Weight),
    baseline: Type.Optional(Type.Union([Baseline, Type.Null()])),
    note: Type.Optional(Type.Union([Note, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, description: 'Fields to change' },
);
/** Changes to an indicator. */
export type IndicatorPatch = Static<typeof IndicatorPatch>;

/** An indicator as the API presents it. */
export const IndicatorView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  pillar: Type.String(),
  unit: Type.String(),
  direction: Direction,
  levels: Type.Array(Type.String()),
  weight: Type.Number(),
  baseline: Type.Union([Baseline, Type.Null()]),
  measure: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  targets: Type.Array(TargetInput),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
/** An indicator as the API presents it. */
export type IndicatorView = Static<typeof IndicatorView>;

/** A value as a caller submits it; 'measured' is the platform's own and cannot be submitted. */
export const ValueInput = Type.Object(
  {
    value: Type.Number({ description: 'The value, in the indicator’s unit of measure' }),
    source: Type.Optional(
      Type.Union([Type.Literal('reported'), Type.Literal('verified')], {
        description: 'reported by the unit (default) or verified by the secretariat',
      }),
    ),
    evidenceNote: Type.Optional(Text('Evidence', 'Báo cáo số 12/BC-SNV', 2000)),
    attachmentId: Type.Optional(Text('Id of an attached document', 'doc-2024-12', 128)),
  },
  { additionalProperties: false, description: 'A value of an indicator for a unit and a period' },
);
/** A value as a caller submits it. */
export type ValueInput = Static<typeof ValueInput>;

/** A value as the API presents it. */
export const ValueView = Type.Object({
  indicatorCode: Type.String(),
  unitId: Type.String(),
  period: Type.String(),
  value: Type.Number(),
  source: Type.String(),
  evidenceNote: Type.Union([Type.String(), Type.Null()]),
  attachmentId: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(),
  updatedAt: Type.String(),
});
/** A value as the API presents it. */
export type ValueView = Static<typeof ValueView>;

/** Filters and page of the value list. */
export const ValueQuery = Type.Object(
  {
    indicator: Type.Optional(IndicatorCode),
    unit: Type.Optional(UnitCode),
    period: Type.Optional(PeriodText),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
/** Filters and page of the value list. */
export type ValueQuery = Static<typeof ValueQuery>;
