import { CangError } from '../core/index.js';
import type { Page } from './common-schemas.js';

/** Default page size of a list. */
export const DEFAULT_PAGE_SIZE = 50;

/** Encodes the last id of a page as an opaque cursor. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** Decodes a cursor back to the id after which the next page starts. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || encodeCursor(id) !== cursor) {
    throw new CangError('validation-failed', 'Invalid cursor', {
      errors: [{ pointer: '/cursor', detail: 'not a cursor returned by this list' }],
    });
  }
  return id;
}

/**
 * Turns `limit + 1` rows fetched in id order into a page: the extra row only tells that another page
 * exists.
 */
export function toPage<Row extends { id: string }, Item>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Item,
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.id) : null,
  };
}
