import { type Static, Type } from '@sinclair/typebox';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** What a predecessor brought to a derived point. */
export const SeriesContribution = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  whole: Type.Boolean({ description: 'Merged whole (true) or in part (false)' }),
  share: Type.Union([Type.Number(), Type.Null()], {
    description: 'Recorded share of a part; null = not recorded',
  }),
  weight: Type.Union([Type.Number(), Type.Null()], { description: 'Recorded weight for rates' }),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Its value for the period; null = none' }),
  derived: Type.Boolean({ description: 'Whether its value was itself derived from its predecessors' }),
});

/** One period of a series: a stored value, or (before the unit existed) a derived one or none. */
export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: NullableNumber,
  source: Type.String({
    description: 'reported, verified or measured (stored); derived or not-available (computed, never stored)',
    examples: ['reported', 'derived', 'not-available'],
  }),
  derived: Type.Boolean({ description: 'Computed from predecessors, not reported by the unit' }),
  reason: Type.Union(
    [
      Type.Literal('share-not-recorded'),
      Type.Literal('weight-not-recorded'),
      Type.Literal('predecessor-value-missing'),
      Type.Literal('no-predecessors'),
      Type.Literal('no-value'),
      Type.Null(),
    ],
    { description: 'Why a derived point is not available' },
  ),
  contributions: Type.Array(SeriesContribution),
});
/** One period of a series. */
export type SeriesPoint = Static<typeof SeriesPoint>;

/** An indicator's series for a unit, derived from its predecessors before it existed. */
export const SeriesView = Type.Object({
  indicatorCode: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  validFrom: Type.String({ description: 'The unit’s first day: earlier points are derived' }),
  method: Type.Union([Type.Literal('sum'), Type.Literal('weighted-mean')], {
    description: 'How predecessors combine: counts are summed, rates averaged by recorded weights',
  }),
  methodNote: Type.String(),
  points: Type.Array(SeriesPoint),
});
/** An indicator's series for a unit. */
export type SeriesView = Static<typeof SeriesView>;
