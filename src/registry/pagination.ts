import { decodeCursor, encodeCursor } from '../core/index.js';
import type { Page } from './common-schemas.js';

/** Default page size of a list. */
export const DEFAULT_PAGE_SIZE = 50;

/** The cursor of a page ordered by id: the last id on it. */
export function encodeIdCursor(lastId: string): string {
  return encodeCursor([lastId]);
}

/** The id after which the next page starts; a cursor this list did not issue is a 400 problem. */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : decodeCursor(cursor, ['string'])[0];
}

/**
 * Turns `limit + 1` rows fetched in id order into a page: the extra row only tells that another page
 * exists.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Item,
  // The column the rows are ordered and the cursor continues by; `id` unless the table keys otherwise.
  keyOf: (row: Row) => string = (row) => (row as { id: string }).id,
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeIdCursor(keyOf(last)) : null,
  };
}
