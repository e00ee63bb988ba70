// Imports nothing, not even Node's modules: the console's build imports this file as it is.

/**
 * Vietnamese text without its diacritics, case kept: decomposed (NFD), every combining mark dropped,
 * đ→d and Đ→D (the one Vietnamese letter that does not decompose). Other characters are left as they are.
 *
 * @example withoutMarks('Đề án Chuyển đổi số') === 'De an Chuyen doi so'
 */
export function withoutMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Text folded for a diacritic-insensitive comparison: without marks, lower case, NFC and NFD input alike.
 *
 * @example foldVietnamese('ĐẢNG ỦY') === 'dang uy'
 */
export function foldVietnamese(text: string): string {
  return withoutMarks(text).toLowerCase();
}

/**
 * The ASCII form the catalog's search index stores and its queries are folded to: folded, and every run
 * of other characters turned into one space. Both dialects' tokenizers (FTS5 unicode61, PostgreSQL's
 * 'simple') then see the same tokens, so "ho tich" finds "hộ tịch". Stored rows hold this form: a change
 * here needs the index rebuilt.
 *
 * @example foldText('Đăng ký HỘ TỊCH') === 'dang ky ho tich'
 */
export function foldText(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
