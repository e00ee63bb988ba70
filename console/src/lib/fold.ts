/**
 * Folds Vietnamese text for search: decomposes (NFD), drops combining marks, maps đ/Đ to d and
 * lower-cases, so "chuyen doi so" matches "Chuyển đổi số".
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Whether every word of the query occurs in the folded text. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
