import { describe, expect, it } from 'vitest';
import { attainmentOf } from './attainment.js';

describe('attainment', () => {
  it('is actual ÷ target for an up indicator, clamped to 1 above the target', () => {
    expect(attainmentOf('up', 45, 60)).toEqual({
      actual: 45,
      target: 60,
      ratio: 0.75,
      attainment: 0.75,
      rule: 'ratio',
    });
    expect(attainmentOf('up', 90, 60)).toMatchObject({ ratio: 1.5, attainment: 1 });
  });

  it('is target ÷ actual for a down indicator, clamped to 1 below the target', () => {
    expect(attainmentOf('down', 20, 10)).toMatchObject({ ratio: 0.5, attainment: 0.5, rule: 'ratio' });
    expect(attainmentOf('down', 8, 10)).toMatchObject({ ratio: 1.25, attainment: 1 });
  });

  it('clamps a negative ratio to 0', () => {
    expect(attainmentOf('up', -5, 10)).toMatchObject({ ratio: -0.5, attainment: 0 });
  });

  it('meets a zero target with any non-negative actual (up) or only with zero (down)', () => {
    expect(attainmentOf('up', 0, 0)).toMatchObject({ ratio: null, attainment: 1, rule: 'zero-target' });
    expect(attainmentOf('up', 3, 0)).toMatchObject({ attainment: 1, rule: 'zero-target' });
    expect(attainmentOf('down', 0, 0)).toMatchObject({ attainment: 1, rule: 'zero-target' });
    expect(attainmentOf('down', 2, 0)).toMatchObject({ attainment: 0, rule: 'zero-target' });
  });

  it('gives a down indicator at zero full attainment against a positive target', () => {
    expect(attainmentOf('down', 0, 5)).toMatchObject({ ratio: null, attainment: 1, rule: 'zero-actual' });
  });

  it('counts a missing value as 0 and leaves out an indicator without target', () => {
    expect(attainmentOf('up', null, 60)).toMatchObject({ attainment: 0, rule: 'no-value' });
    expect(attainmentOf('up', 50, null)).toMatchObject({ attainment: null, rule: 'no-target' });
  });
});
