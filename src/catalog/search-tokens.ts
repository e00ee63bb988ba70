import { foldText } from '../core/index.js';

/** The folded search tokens of a query, at most `max` of them (the rest is dropped). */
export function searchTokens(query: string, max = 12): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ').slice(0, max);
}
