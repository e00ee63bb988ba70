import { describe, expect, it } from 'vitest';
import { fold } from '../console/src/lib/fold.js';
import { foldVietnamese } from '../src/core/index.js';

// The console may not import the server's code (it talks to /api/v1 only), so it keeps its own folding;
// this keeps it equal to core's, which the server's search uses.
const CASES = [
  'Chuyển đổi số',
  'ĐẢNG ỦY đặc khu',
  'đ Đ',
  'Sở Tư pháp, Cơ sở Ưu tiên Ơn',
  'Hải Phòng'.normalize('NFC'),
  'Hải Phòng'.normalize('NFD'),
  'Ủy ban nhân dân'.normalize('NFD'),
  'a\u0301\u0323 e\u0302\u0300',
  '  Trường   ĐH Hàng hải — 2025 ',
  'VN-HP/GOV/000.00.31.H26',
  '',
];

describe("the console's Vietnamese folding", () => {
  it.each(CASES)('folds %j as core does', (text) => {
    expect(fold(text)).toBe(foldVietnamese(text));
  });
});
