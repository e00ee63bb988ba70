import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, NullableDate, NullableText, Text, UnitId } from './common-schemas.js';
import { UNIT_KINDS } from './unit-kinds.js';

/** Kinds of unit-history event. */
export const UNIT_EVENT_KINDS = ['created', 'renamed', 'merged', 'reorganised', 'abolished'] as const;

const UnitKind = Type.Union(
  UNIT_KINDS.map((kind) => Type.Literal(kind)),
  { description: 'city, department, district or commune' },
);
const UnitEventKind = Type.Union(
  UNIT_EVENT_KINDS.map((kind) => Type.Literal(kind)),
  {
    description:
      'created, renamed, merged (into the successor), reorganised (the unit continues, e.g. absorbing another) or abolished',
  },
);

/** A dated event in a unit's history, as input. */
export const UnitEventInput = Type.Object(
  {
    kind: UnitEventKind,
    date: CalendarDate('When it happened'),
    successorId: Type.Optional(UnitId('The unit it was renamed or merged into')),
    previousName: Type.Optional(Text('The name before a rename', 'Huyện Thủy Nguyên')),
    note: Type.Optional(Text('Legal basis or remark', 'NQ 1232/NQ-UBTVQH15', 1000)),
    whole: Type.Optional(
      Type.Boolean({ description: 'merged: whether the whole unit went to the successor (true by default)' }),
    ),
    share: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description: "merged in part: the recorded share of the unit's counts that went to the successor",
      }),
    ),
    weight: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        description: "merged: the recorded weight (e.g. population) it brought to the successor's rates",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * A new unit with its validity and history. A rename with a new code is a new unit: the old one ends
 * the day before and names the new one as its successor (see docs in unit-commands.ts).
 */
export const UnitInput = Type.Object(
  {
    id: UnitId('Unit code, e.g. SNV'),
    name: Text('Official name', 'Sở Nội vụ', 255),
    kind: UnitKind,
    adminCode: Type.Optional(Type.String({ pattern: '^\\d{2,5}$', description: 'QĐ 124/2004 code' })),
    parentId: Type.Optional(UnitId('The unit above it')),
    validFrom: CalendarDate('First day the unit exists', '2021-01-01'),
    validTo: Type.Optional(CalendarDate('Last day the unit exists (inclusive)', '2025-02-28')),
    successorId: Type.Optional(UnitId('The unit it was merged or renamed into')),
    organisationId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Registry organisation id' }),
    ),
    note: Type.Optional(Text('Where the record comes from and how far it is verified', 'NQ 1669', 2000)),
    events: Type.Optional(Type.Array(UnitEventInput, { maxItems: 50 })),
  },
  { additionalProperties: false, description: 'A unit of the steering workspace' },
);
/** A new unit. */
export type UnitInput = Static<typeof UnitInput>;

/** A unit as the API presents it. */
export const UnitView = Type.Object({
  id: Type.String({ examples: ['SNV'] }),
  adminCode: NullableText('QĐ 124/2004 administrative code'),
  name: Type.String({ examples: ['Sở Nội vụ'] }),
  kind: UnitKind,
  parentId: NullableText('The unit above it'),
  validFrom: CalendarDate('First day'),
  validTo: NullableDate('Last day (inclusive)'),
  successorId: NullableText('Merged or renamed into'),
  organisationId: NullableText('Registry organisation id'),
  note: NullableText('Where the record comes from and how far it is verified'),
  active: Type.Boolean({ description: 'Whether it exists on the date asked for' }),
});
/** A unit as the API presents it. */
export type UnitView = Static<typeof UnitView>;

/** An event of a unit's history, naming the unit it belongs to (a predecessor's events included). */
export const UnitEventView = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  kind: UnitEventKind,
  date: CalendarDate('When'),
  successorId: NullableText('Renamed or merged into'),
  previousName: NullableText('Name before a rename'),
  note: NullableText('Remark'),
  whole: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'merged: whole (true) or in part (false)',
  }),
  share: Type.Union([Type.Number(), Type.Null()], {
    description: 'merged in part: recorded share of counts',
  }),
  weight: Type.Union([Type.Number(), Type.Null()], { description: 'merged: recorded weight for rates' }),
});
/** An event of a unit's history. */
export type UnitEventView = Static<typeof UnitEventView>;

/** Which units to list: those of a date, of one level, and whether a former province's are wanted. */
export const UnitListQuery = Type.Object(
  {
    asOf: Type.Optional(CalendarDate('The date the answer is for; today in Hải Phòng by default')),
    level: Type.Optional(UnitKind),
    includeFormerProvinces: Type.Optional(
      Type.Boolean({
        description:
          "Also a province's units from before it merged into the city (Hải Dương before 2025-07-01)",
      }),
    ),
  },
  { additionalProperties: false },
);
/** Which units to list. */
export type UnitListQuery = Static<typeof UnitListQuery>;

/** The units valid on a date. */
export const UnitList = Type.Object({ asOf: CalendarDate('The date'), items: Type.Array(UnitView) });
/** A unit's history with its predecessors'. */
export const UnitHistory = Type.Object({
  unit: UnitView,
  predecessors: Type.Array(UnitView),
  events: Type.Array(UnitEventView),
});
