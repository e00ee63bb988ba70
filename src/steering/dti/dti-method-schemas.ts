import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../../core/index.js';
import { CalendarDate, NullableText, Text } from '../common-schemas.js';

/** The groups of main indices: the common foundation, and the activity of government, economy, society. */
export const DTI_GROUPS = ['foundation', 'activity'] as const;

/** The code of a DTI method, e.g. QD-405. */
export const DtiMethodCode = Type.String({
  pattern: '^[A-Z][A-Z0-9-]{1,19}$',
  description: 'The method code',
  examples: ['QD-405'],
});
/** The code of a main index (NT) or a component (NT.01). */
export const DtiItemCode = Type.String({
  pattern: '^[A-Z]{2,6}(\\.[0-9A-Za-z]{1,6})?$',
  description: 'Main index (NT) or component (NT.01) code',
  examples: ['NT'],
});
/** An assessment year. */
export const DtiYear = Type.Integer({ minimum: 2020, maximum: 2100, description: 'Assessment year' });

const Points = (description: string) => Type.Number({ minimum: 0, maximum: 10_000, description });
const NullablePoints = (description: string) =>
  Type.Union([Points(description), Type.Null()], { description });

/** A main index of a new method. */
export const DtiIndexInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z]{2,6}$', description: 'Main index code', examples: ['NT'] }),
    name: Text('Name', 'Nhận thức số', 255),
    group: Type.Union(
      DTI_GROUPS.map((group) => Type.Literal(group)),
      { description: 'foundation or activity' },
    ),
    maxPoints: Type.Optional(Points('Maximum points, if known')),
    weight: Type.Optional(Points('Weight in the total; the maximum points weigh the index by default')),
  },
  { additionalProperties: false },
);

/** A new DTI method: the decision, the assessment years it serves and its main indices. */
export const DtiMethodInput = Type.Object(
  {
    code: DtiMethodCode,
    decisionNumber: Text('Decision number', '405/QĐ-BKHCN', 100),
    decisionDate: CalendarDate('Date of the decision', '2025-04-03'),
    issuer: Text('Issuer', 'Bộ trưởng Bộ Khoa học và Công nghệ', 255),
    title: Text('Title', 'Bộ chỉ số đánh giá chuyển đổi số', 1000),
    firstYear: DtiYear,
    lastYear: Type.Optional(DtiYear),
    note: Type.Optional(Text('Note', 'Điểm chưa xác nhận', 2000)),
    indices: Type.Array(DtiIndexInput, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
/** A new DTI method. */
export type DtiMethodInput = Static<typeof DtiMethodInput>;

/** Enters a component (or changes one), or enters the points of a main index or component. */
export const DtiItemInput = Type.Object(
  {
    parentCode: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2,6}$', description: 'The main index of a component' }),
    ),
    name: Type.Optional(Text('Name', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 500)),
    maxPoints: Type.Optional(NullablePoints('Maximum points; null while not known')),
    weight: Type.Optional(NullablePoints('Weight of a main index in the total; null: its maximum points')),
  },
  { additionalProperties: false },
);
/** An item entry. */
export type DtiItemInput = Static<typeof DtiItemInput>;

/** A main index or component as presented. */
export const DtiItemView = Type.Object({
  code: Type.String(),
  parentCode: NullableText('The main index of a component; null for a main index'),
  name: Type.String(),
  group: Type.Union([Type.Literal('foundation'), Type.Literal('activity'), Type.Null()]),
  maxPoints: Type.Union([Type.Number(), Type.Null()], { description: 'Null while not entered' }),
  weight: Type.Union([Type.Number(), Type.Null()], { description: 'Null: the maximum points weigh it' }),
  pointsConfirmed: Type.Boolean({ description: 'Whether the secretariat confirmed its points' }),
  confirmedBy: NullableText('Who confirmed them (or the decision they come from)'),
  confirmedAt: Type.Union([DateTimeView('When they were confirmed'), Type.Null()]),
});
/** An item as presented. */
export type DtiItemView = Static<typeof DtiItemView>;

/**
 * Whether a method's points can be used: `confirmed` (every main index has confirmed points),
 * `unconfirmed` (every main index has points, some not yet confirmed), `missing` (some have none).
 */
export const DtiPointsStatus = Type.Union(
  [Type.Literal('confirmed'), Type.Literal('unconfirmed'), Type.Literal('missing')],
  { description: 'confirmed, unconfirmed (entered, not confirmed) or missing (not entered)' },
);
/** The state of a method's points. */
export type DtiPointsStatus = Static<typeof DtiPointsStatus>;

/** A DTI method as presented: main indices in order, each followed by nothing; components apart. */
export const DtiMethodView = Type.Object({
  code: Type.String(),
  decisionNumber: Type.String(),
  decisionDate: CalendarDate('Date of the decision'),
  issuer: Type.String(),
  title: Type.String(),
  firstYear: Type.Integer(),
  lastYear: Type.Union([Type.Integer(), Type.Null()], { description: 'Null while in force' }),
  note: NullableText('Note'),
  pointsStatus: DtiPointsStatus,
  indices: Type.Array(DtiItemView),
  components: Type.Array(DtiItemView),
});
/** A DTI method as presented. */
export type DtiMethodView = Static<typeof DtiMethodView>;

/** Path of one method. */
export const DtiMethodParams = Type.Object({ code: DtiMethodCode });
/** Path of one item of a method. */
export const DtiItemParams = Type.Object({ code: DtiMethodCode, item: DtiItemCode });
