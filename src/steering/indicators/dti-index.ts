/** One main index of the provincial Digital Transformation Index (QĐ 922/QĐ-BTTTT). */
export interface DtiMainIndex {
  readonly code: string;
  readonly name: string;
  readonly group: 'foundation' | 'activity';
  readonly maxPoints: number;
}

/** The nine main indices of QĐ 922/QĐ-BTTTT and their maximum points (1,000 in all; DTTM has none). */
export const DTI_922_INDICES: readonly DtiMainIndex[] = [
  { code: 'NT', name: 'Nhận thức số', group: 'foundation', maxPoints: 100 },
  { code: 'TC', name: 'Thể chế số', group: 'foundation', maxPoints: 100 },
  { code: 'HT', name: 'Hạ tầng số', group: 'foundation', maxPoints: 100 },
  { code: 'NL', name: 'Nhân lực số', group: 'foundation', maxPoints: 100 },
  { code: 'ATTT', name: 'An toàn thông tin mạng', group: 'foundation', maxPoints: 100 },
  { code: 'DTTM', name: 'Đô thị thông minh', group: 'foundation', maxPoints: 0 },
  { code: 'CQS', name: 'Hoạt động chính quyền số', group: 'activity', maxPoints: 200 },
  { code: 'KTS', name: 'Hoạt động kinh tế số', group: 'activity', maxPoints: 150 },
  { code: 'XHS', name: 'Hoạt động xã hội số', group: 'activity', maxPoints: 150 },
];

/** Per main index either the points earned or the published value (points ÷ maximum). */
export type DtiInput = Readonly<Record<string, { readonly points?: number; readonly value?: number }>>;

/** One main index in a DTI result. */
export interface DtiIndexResult {
  readonly code: string;
  readonly name: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly value: number; // points ÷ maximum, rounded to 4 places
}

/** A DTI total with its parts. */
export interface DtiResult {
  readonly indices: DtiIndexResult[];
  readonly points: number;
  readonly maxPoints: number; // 1,000
  readonly total: number; // Σ points ÷ 1,000, rounded to 4 places
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Problems with a DTI input, as JSON pointers and details: unknown codes, both or neither of points and
 * value, points outside [0, max], values outside [0, 1], and DTTM (maximum 0, not scored).
 */
export function dtiInputProblems(input: DtiInput): { pointer: string; detail: string }[] {
  const problems: { pointer: string; detail: string }[] = [];
  for (const [code, given] of Object.entries(input)) {
    const index = DTI_922_INDICES.find((candidate) => candidate.code === code);
    const pointer = `/indices/${code}`;
    if (index === undefined) problems.push({ pointer, detail: 'not a main index of QĐ 922' });
    else if (index.maxPoints === 0)
      problems.push({ pointer, detail: `${code} has no points and is not scored` });
    else if ((given.points === undefined) === (given.value === undefined))
      problems.push({ pointer, detail: 'give either points or value' });
    else if (given.points !== undefined && !(given.points >= 0 && given.points <= index.maxPoints))
      problems.push({ pointer: `${pointer}/points`, detail: `must lie between 0 and ${index.maxPoints}` });
    else if (given.value !== undefined && !(given.value >= 0 && given.value <= 1))
      problems.push({ pointer: `${pointer}/value`, detail: 'must lie between 0 and 1' });
  }
  return problems;
}

/**
 * The provincial DTI of QĐ 922/QĐ-BTTTT: each main index is points ÷ its maximum, the total is
 * Σ points ÷ 1,000. An index left out earns 0 points; DTTM (maximum 0) is excluded. Check the input
 * with `dtiInputProblems` first.
 *
 * @example computeDti({ NT: { value: 1 }, CQS: { points: 171.5 } }).total
 */
export function computeDti(input: DtiInput): DtiResult {
  const indices = DTI_922_INDICES.filter((index) => index.maxPoints > 0).map((index) => {
    const given = input[index.code];
    const points = given?.points ?? (given?.value ?? 0) * index.maxPoints;
    return {
      code: index.code,
      name: index.name,
      points,
      maxPoints: index.maxPoints,
      value: round4(points / index.maxPoints),
    };
  });
  const points = indices.reduce((sum, index) => sum + index.points, 0);
  const maxPoints = indices.reduce((sum, index) => sum + index.maxPoints, 0);
  return {
    indices,
    points: Math.round(points * 10_000) / 10_000,
    maxPoints,
    total: round4(points / maxPoints),
  };
}
