import { type Static, Type } from '@sinclair/typebox';
import type { FieldProblem } from '../../core/index.js';
import { DtiPointsStatus, DtiYear } from './dti-method-schemas.js';

/** What a score needs of a main index: its code, name, and points as far as they are entered. */
export interface DtiScoringIndex {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number | null;
  readonly weight: number | null;
  readonly pointsConfirmed: boolean;
}

/** Points earned or the index value (points ÷ maximum, 0 to 1) of one main index or component. */
export interface DtiEntry {
  readonly points?: number | undefined;
  readonly value?: number | undefined;
}

/** The input of a DTI score: the assessment year and, per main index, points or value. */
export const DtiScoreInput = Type.Object(
  {
    year: DtiYear,
    indices: Type.Record(
      Type.String({ pattern: '^[A-Z]{2,6}$' }),
      Type.Object(
        { points: Type.Optional(Type.Number()), value: Type.Optional(Type.Number()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
/** The input of a DTI score. */
export type DtiScoreInput = Static<typeof DtiScoreInput>;

const Nullable = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

/** A DTI score with its parts, the method it was computed with, and how far its points are confirmed. */
export const DtiScoreView = Type.Object({
  year: Type.Integer(),
  method: Type.Object({ code: Type.String(), decisionNumber: Type.String() }),
  pointsStatus: DtiPointsStatus,
  notice: Type.Union([Type.String(), Type.Null()], {
    description: 'Vietnamese warning when the points are unconfirmed or missing; null when confirmed',
  }),
  indices: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      points: Nullable('Points earned; null where the maximum is not entered'),
      maxPoints: Nullable('Null while not entered'),
      value: Nullable('Points ÷ maximum, 4 places; null where nothing was entered'),
      weight: Nullable('The weight used: the weight entered, else the maximum points'),
      pointsConfirmed: Type.Boolean(),
    }),
  ),
  points: Nullable('Σ points; null when a maximum is missing'),
  maxPoints: Nullable('Σ maximum points; null when one is missing'),
  total: Nullable('Σ weight × value ÷ Σ weight, 4 places; null when a weight or maximum is missing'),
  missingPoints: Type.Array(Type.String(), { description: 'Main indices whose points are not entered' }),
});
/** A DTI score. */
export type DtiScoreView = Static<typeof DtiScoreView>;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Problems with one entry, at `pointer`: both or neither of points and value, points where the maximum
 * is not entered, points outside [0, maximum], values outside [0, 1].
 */
export function dtiEntryProblems(
  item: { readonly code: string; readonly maxPoints: number | null },
  entry: DtiEntry,
  pointer: string,
): FieldProblem[] {
  if ((entry.points === undefined) === (entry.value === undefined))
    return [{ pointer, detail: 'give either points or value' }];
  if (entry.points !== undefined) {
    if (item.maxPoints === null)
      return [{ pointer: `${pointer}/points`, detail: `the maximum points of ${item.code} are not entered` }];
    if (!(entry.points >= 0 && entry.points <= item.maxPoints))
      return [{ pointer: `${pointer}/points`, detail: `must lie between 0 and ${item.maxPoints}` }];
  }
  if (entry.value !== undefined && !(entry.value >= 0 && entry.value <= 1))
    return [{ pointer: `${pointer}/value`, detail: 'must lie between 0 and 1' }];
  return [];
}

/** The state of a method's points from its main indices. */
export function pointsStatusOf(indices: readonly DtiScoringIndex[]): DtiPointsStatus {
  if (indices.some((index) => index.maxPoints === null && index.weight === null)) return 'missing';
  return indices.every((index) => index.pointsConfirmed) ? 'confirmed' : 'unconfirmed';
}

const NOTICES: Readonly<Record<DtiPointsStatus, string | null>> = {
  confirmed: null,
  unconfirmed: 'Điểm của phương pháp chưa được Văn phòng xác nhận: kết quả là tạm tính.',
  missing: 'Phương pháp chưa có điểm tối đa hoặc trọng số của mọi chỉ số chính: chưa tính được tổng.',
};

/**
 * The provincial DTI with a method's main indices: each index's value is points ÷ maximum (or the
 * value given), and the total is Σ weight × value ÷ Σ weight, where an index's weight is the weight
 * entered or else its maximum points, so that under QĐ 922 the total is Σ points ÷ 1,000. An index
 * left out earns 0. Where a weight is missing the total is null and `missingPoints` names the index.
 * Check the entries with `dtiEntryProblems` first.
 *
 * @example computeDti(2022, method, indices, { NT: { value: 1 } }).total
 */
export function computeDti(
  year: number,
  method: { readonly code: string; readonly decisionNumber: string },
  indices: readonly DtiScoringIndex[],
  entries: Readonly<Record<string, DtiEntry | undefined>>,
): DtiScoreView {
  const parts = indices.map((index) => {
    const given = entries[index.code];
    const value =
      given?.value ??
      (given?.points !== undefined && index.maxPoints ? given.points / index.maxPoints : given ? 0 : null);
    const earned = value ?? 0;
    return {
      code: index.code,
      name: index.name,
      points: index.maxPoints === null ? null : round4(given?.points ?? earned * index.maxPoints),
      maxPoints: index.maxPoints,
      value: value === null ? null : round4(value),
      weight: index.weight ?? index.maxPoints,
      pointsConfirmed: index.pointsConfirmed,
      earned,
    };
  });
  const missingPoints = parts.filter((part) => part.weight === null).map((part) => part.code);
  const complete = missingPoints.length === 0;
  const sum = (of: (part: (typeof parts)[number]) => number) => parts.reduce((s, part) => s + of(part), 0);
  const allMaxima = parts.every((part) => part.maxPoints !== null);
  const weights = sum((part) => part.weight ?? 0);
  const pointsStatus = pointsStatusOf(indices);
  return {
    year,
    method: { code: method.code, decisionNumber: method.decisionNumber },
    pointsStatus,
    notice: NOTICES[pointsStatus],
    indices: parts.map(({ earned: _earned, ...part }) => part),
    points: allMaxima ? round4(sum((part) => part.points ?? 0)) : null,
    maxPoints: allMaxima ? sum((part) => part.maxPoints ?? 0) : null,
    total: complete && weights > 0 ? round4(sum((part) => (part.weight ?? 0) * part.earned) / weights) : null,
    missingPoints,
  };
}
