import { describe, expect, it } from 'vitest';
import { fold, matchesQuery } from './fold';
import { formatDate, formatNumber } from './format';

describe('fold', () => {
  it('strips Vietnamese diacritics, maps đ to d and lower-cases', () => {
    expect(fold('Chuyển đổi số')).toBe('chuyen doi so');
    expect(fold('ĐẢNG ỦY')).toBe('dang uy');
  });

  it('finds "so tu phap" in "Sở Tư pháp" and every word anywhere', () => {
    expect(matchesQuery('Sở Tư pháp VN-HP/GOV/STP', 'so tu phap')).toBe(true);
    expect(matchesQuery('Sở Tư pháp', 'phap so')).toBe(true);
    expect(matchesQuery('Sở Nội vụ', 'so tu phap')).toBe(false);
  });
});

describe('format', () => {
  it('writes dates as dd/mm/yyyy and numbers as 1.234.567,89 (vi-VN)', () => {
    expect(formatDate('2025-12-31T10:00:00Z')).toBe('31/12/2025');
    expect(formatNumber(1234567.89)).toBe('1.234.567,89');
  });
});
