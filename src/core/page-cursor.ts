import { CangError } from './cang-error.js';

/** The kind of each value in a cursor's key: a non-empty string or a non-negative safe integer. */
export type CursorPart = 'string' | 'integer';

type KeyOf<Shape extends readonly CursorPart[]> = {
  -readonly [I in keyof Shape]: Shape[I] extends 'integer' ? number : string;
};

/**
 * The cursor of a page: the sort key of its last row (or a search's offset) as base64url JSON, opaque to
 * the caller, which passes it back unchanged to get the next page.
 *
 * @example decodeCursor(encodeCursor([1767225600000, id]), ['integer', 'string']) // [1767225600000, id]
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The key a cursor holds, checked against the shape the list expects. Anything this list did not issue
 * (other text, another list's cursor, a re-encoded one) is a 400 validation-failed problem at /cursor.
 */
export function decodeCursor<const Shape extends readonly CursorPart[]>(
  cursor: string,
  shape: Shape,
  detail = 'not a cursor returned by this list',
): KeyOf<Shape> {
  const key = parseKey(cursor);
  // Base64url decoding skips foreign characters, so only the exact text we issued is accepted.
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    shape.every((part, i) =>
      part === 'integer' ? Number.isSafeInteger(key[i]) && key[i] >= 0 : isText(key[i]),
    ) &&
    encodeCursor(key) === cursor;
  if (!fits) {
    throw new CangError('validation-failed', 'Invalid cursor', { errors: [{ pointer: '/cursor', detail }] });
  }
  return key as KeyOf<Shape>;
}

function parseKey(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
