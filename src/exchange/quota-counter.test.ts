import { describe, expect, it } from 'vitest';
import { createQuotaCounter } from './quota-counter.js';

describe('createQuotaCounter', () => {
  it('allows the quota per one-minute window, then tells the seconds left', () => {
    const quotas = createQuotaCounter();
    const start = 1_700_000_040_000 + 40_000; // 40 s into a minute
    expect(quotas.take('g', 2, start)).toBe(0);
    expect(quotas.take('g', 2, start + 1)).toBe(0);
    expect(quotas.take('g', 2, start + 1_000)).toBe(19);
    expect(quotas.take('other', 2, start)).toBe(0);
    expect(quotas.take('g', 2, start + 20_000)).toBe(0);
  });
});
