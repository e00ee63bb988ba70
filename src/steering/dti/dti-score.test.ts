import { describe, expect, it } from 'vitest';
import { computeDti, type DtiScoringIndex, dtiEntryProblems, pointsStatusOf } from './dti-score.js';

const QD_922 = { code: 'QD-922', decisionNumber: '922/QĐ-BTTTT' };
const index = (
  code: string,
  maxPoints: number | null,
  extra: Partial<DtiScoringIndex> = {},
): DtiScoringIndex => ({
  code,
  name: code,
  maxPoints,
  weight: null,
  pointsConfirmed: true,
  ...extra,
});
const INDICES_922 = [
  index('NT', 100),
  index('TC', 100),
  index('HT', 100),
  index('NL', 100),
  index('ATTT', 100),
  index('CQS', 200),
  index('KTS', 150),
  index('XHS', 150),
];
const DA_NANG_2022 = [1.0, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197];

describe('the provincial DTI with a method as data', () => {
  it('gives Đà Nẵng 2022 its published total 0.8002 with QĐ 922’s maximum points as weights', () => {
    const entries = Object.fromEntries(INDICES_922.map((i, n) => [i.code, { value: DA_NANG_2022[n]! }]));
    const result = computeDti(2022, QD_922, INDICES_922, entries);
    expect(result).toMatchObject({ total: 0.8002, maxPoints: 1000, pointsStatus: 'confirmed', notice: null });
    expect(result.indices.find((i) => i.code === 'CQS')).toMatchObject({
      points: 171.5,
      value: 0.8575,
      weight: 200,
    });
  });

  it('takes points too, each index being points ÷ maximum, and counts an index left out as 0', () => {
    const result = computeDti(2022, QD_922, INDICES_922, { CQS: { points: 150 }, NT: { points: 50 } });
    expect(result.indices.find((i) => i.code === 'CQS')!.value).toBe(0.75);
    expect(result.indices.find((i) => i.code === 'TC')!.value).toBeNull();
    expect(result.total).toBe(0.2);
  });

  it('uses entered weights instead of the maximum points', () => {
    const indices = [index('A', 100, { weight: 3 }), index('B', 100, { weight: 1 })];
    expect(computeDti(2024, QD_922, indices, { A: { value: 1 }, B: { value: 0 } }).total).toBe(0.75);
  });

  it('computes no total while a main index has no points, and names it and says so', () => {
    const indices = [
      index('NT', null, { pointsConfirmed: false }),
      index('TC', 100, { pointsConfirmed: false }),
    ];
    const result = computeDti(2024, QD_922, indices, { NT: { value: 1 }, TC: { value: 0.5 } });
    expect(result).toMatchObject({
      total: null,
      points: null,
      maxPoints: null,
      pointsStatus: 'missing',
      missingPoints: ['NT'],
    });
    expect(result.notice).toContain('chưa có điểm tối đa');
    expect(result.indices[0]).toMatchObject({ value: 1, points: null });
  });

  it('says when a total is computed with points not yet confirmed', () => {
    const indices = [index('NT', 100, { pointsConfirmed: false }), index('TC', 100)];
    const result = computeDti(2024, QD_922, indices, { NT: { value: 1 } });
    expect(result).toMatchObject({ total: 0.5, pointsStatus: 'unconfirmed' });
    expect(result.notice).toContain('chưa được Văn phòng xác nhận');
    expect(pointsStatusOf(INDICES_922)).toBe('confirmed');
  });

  it('refuses points outside the maximum, points without a maximum, bad values and both or neither', () => {
    expect(dtiEntryProblems({ code: 'TC', maxPoints: 100 }, { points: 101 }, '/indices/TC')).toEqual([
      { pointer: '/indices/TC/points', detail: 'must lie between 0 and 100' },
    ]);
    expect(dtiEntryProblems({ code: 'TC', maxPoints: null }, { points: 1 }, '/indices/TC')).toEqual([
      { pointer: '/indices/TC/points', detail: 'the maximum points of TC are not entered' },
    ]);
    expect(dtiEntryProblems({ code: 'NT', maxPoints: 100 }, { value: 1.2 }, '/x')[0]!.pointer).toBe(
      '/x/value',
    );
    expect(
      dtiEntryProblems({ code: 'NT', maxPoints: 100 }, { value: 1, points: 100 }, '/x')[0]!.pointer,
    ).toBe('/x');
    expect(dtiEntryProblems({ code: 'NT', maxPoints: 100 }, {}, '/x')[0]!.detail).toBe(
      'give either points or value',
    );
    expect(dtiEntryProblems({ code: 'NT', maxPoints: 100 }, { points: 0 }, '/x')).toEqual([]);
  });
});
