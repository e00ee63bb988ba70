import { Type } from '@sinclair/typebox';
import { IndicatorCode, PeriodText, UnitCode, ValueView } from '../../../steering/index.js';

const Kind = Type.Union([
  Type.Literal('city'),
  Type.Literal('department'),
  Type.Literal('district'),
  Type.Literal('commune'),
]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** Path parameters naming an indicator. */
export const CodeParams = Type.Object({ code: IndicatorCode });
/** Path parameters naming a period. */
export const PeriodParams = Type.Object({ period: PeriodText });
/** Path parameters naming one value: indicator, unit, period. */
export const ValueParams = Type.Object({ code: IndicatorCode, unit: UnitCode, period: PeriodText });
/** Path parameters naming an indicator and a unit. */
export const SeriesParams = Type.Object({ code: IndicatorCode, unit: UnitCode });
/** Narrows scores and rankings to a kind of unit or one unit. */
export const ScoreQuery = Type.Object(
  { kind: Type.Optional(Kind), unit: Type.Optional(UnitCode) },
  { additionalProperties: false },
);

/** One component of a score: everything needed to explain it. */
export const ScoreComponentView = Type.Object({
  indicatorCode: Type.String(),
  actual: NullableNumber,
  target: NullableNumber,
  ratio: Type.Union([Type.Number(), Type.Null()], { description: 'Raw ratio before clamping' }),
  attainment: Type.Union([Type.Number(), Type.Null()], {
    description: 'Clamped to [0, 1]; null when left out',
  }),
  weight: Type.Number(),
  rule: Type.String({ examples: ['ratio', 'zero-target', 'zero-actual', 'no-value', 'no-target'] }),
});

const RankingFields = {
  rank: Type.Integer(),
  unitId: Type.String(),
  unitName: Type.String(),
  kind: Type.String(),
  index: Type.Union([Type.Number(), Type.Null()], { description: 'Σ weight × attainment ÷ Σ weight' }),
  counted: Type.Integer(),
  reported: Type.Integer(),
};

/** The scores of a period with their explanation. */
export const ScoreboardView = Type.Object({
  period: Type.String(),
  year: Type.Integer(),
  units: Type.Array(Type.Object({ ...RankingFields, components: Type.Array(ScoreComponentView) })),
});

/** The ranking of a period. */
export const RankingView = Type.Object({
  period: Type.String(),
  units: Type.Array(Type.Object(RankingFields)),
});

/** The measured values recorded for a period. */
export const MeasureView = Type.Object({ period: Type.String(), values: Type.Array(ValueView) });
