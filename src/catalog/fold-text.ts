/**
 * Folds Vietnamese text to the ASCII form the search indexes: NFD, combining marks stripped, đ→d,
 * lower case, and every run of other characters turned into one space. Both dialects' tokenizers
 * (FTS5 unicode61, PostgreSQL's 'simple') then see the same tokens, so "ho tich" finds "hộ tịch".
 *
 * @example foldText('Đăng ký HỘ TỊCH') === 'dang ky ho tich'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded search tokens of a query, at most `max` of them (the rest is dropped). */
export function searchTokens(query: string, max = 12): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ').slice(0, max);
}
