import { describe, expect, it } from 'vitest';
import { computeDti, DTI_922_INDICES, dtiInputProblems } from './dti-index.js';

const DA_NANG_2022 = [1.0, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197];
const ORDER = ['NT', 'TC', 'HT', 'NL', 'ATTT', 'CQS', 'KTS', 'XHS'];

describe('the provincial DTI of QĐ 922', () => {
  it('has 1,000 points across nine main indices, DTTM with none', () => {
    expect(DTI_922_INDICES).toHaveLength(9);
    expect(DTI_922_INDICES.reduce((sum, index) => sum + index.maxPoints, 0)).toBe(1000);
  });

  it('gives Đà Nẵng 2022 its published total 0.8002 from the main-index values', () => {
    const input = Object.fromEntries(ORDER.map((code, i) => [code, { value: DA_NANG_2022[i]! }]));
    expect(dtiInputProblems(input)).toEqual([]);
    const result = computeDti(input);
    expect(result.total).toBe(0.8002);
    expect(result.maxPoints).toBe(1000);
    expect(result.indices.find((index) => index.code === 'CQS')).toMatchObject({
      points: 171.5,
      value: 0.8575,
    });
    expect(result.indices.map((index) => index.code)).not.toContain('DTTM');
  });

  it('takes points as well: each index is points ÷ maximum', () => {
    const result = computeDti({ CQS: { points: 150 }, NT: { points: 50 } });
    expect(result.indices.find((index) => index.code === 'CQS')!.value).toBe(0.75);
    expect(result.total).toBe(0.2);
  });

  it('names every bad index', () => {
    const problems = dtiInputProblems({
      XYZ: { value: 1 },
      DTTM: { value: 1 },
      NT: { value: 1.2 },
      TC: { points: 101 },
      HT: { value: 0.5, points: 50 },
    });
    expect(problems.map((problem) => problem.pointer)).toEqual([
      '/indices/XYZ',
      '/indices/DTTM',
      '/indices/NT/value',
      '/indices/TC/points',
      '/indices/HT',
    ]);
  });
});
