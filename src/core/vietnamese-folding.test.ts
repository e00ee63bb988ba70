import { describe, expect, it } from 'vitest';
import { foldText, foldVietnamese, withoutMarks } from './vietnamese-folding.js';

describe('Vietnamese folding', () => {
  it('drops the marks and keeps the case', () => {
    expect(withoutMarks('Đề án Chuyển đổi số')).toBe('De an Chuyen doi so');
    expect(withoutMarks('Ưu tiên Ơn')).toBe('Uu tien On');
  });

  it('folds đ/Đ, ư/ơ, tone marks and upper case, from NFC and NFD input alike', () => {
    expect(foldVietnamese('Chuyển đổi số')).toBe('chuyen doi so');
    expect(foldVietnamese('ĐẢNG ỦY')).toBe('dang uy');
    expect(foldVietnamese('Sở Tư pháp, Cơ sở')).toBe('so tu phap, co so');
    expect(foldVietnamese('Hải Phòng'.normalize('NFD'))).toBe(foldVietnamese('Hải Phòng'.normalize('NFC')));
    expect(foldVietnamese('  hai  phong ')).toBe('  hai  phong ');
  });

  it('folds to the ASCII tokens the catalog search index stores', () => {
    expect(foldText('Đăng ký HỘ TỊCH, Quận Hải An!')).toBe('dang ky ho tich quan hai an');
    expect(foldText('Ủy ban nhân dân'.normalize('NFD'))).toBe('uy ban nhan dan');
    expect(foldText('  Trường   ĐH Hàng hải — 2025 ')).toBe('truong dh hang hai 2025');
    expect(foldText('Ơ ư Ư ơ')).toBe('o u u o');
  });
});
