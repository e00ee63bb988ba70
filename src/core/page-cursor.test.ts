import { describe, expect, it } from 'vitest';
import { CangError } from './cang-error.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

function problemOf(decode: () => unknown): CangError {
  try {
    decode();
  } catch (error) {
    if (error instanceof CangError) return error;
    throw error;
  }
  throw new Error('the cursor was accepted');
}

describe('page cursors', () => {
  it('gives back the key it was made from', () => {
    const cursor = encodeCursor([1767225600000, 'VN-HP/GOV/000.00.31.H26/hồ-sơ']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['integer', 'string'])).toEqual([
      1767225600000,
      'VN-HP/GOV/000.00.31.H26/hồ-sơ',
    ]);
  });

  it.each([
    ['text that is not JSON', Buffer.from('o:20').toString('base64url'), ['integer']],
    ['a key of another shape', encodeCursor(['a', 'b']), ['string']],
    ['a string where an integer belongs', encodeCursor(['20']), ['integer']],
    ['a negative offset', encodeCursor([-1]), ['integer']],
    ['a fractional number', encodeCursor([1.5]), ['integer']],
    ['an empty string', encodeCursor(['']), ['string']],
    ['foreign characters around a valid cursor', `${encodeCursor(['a'])}!!`, ['string']],
    ['nothing', '', ['string']],
  ] as const)('refuses %s with 400 validation-failed at /cursor', (_, cursor, shape) => {
    const problem = problemOf(() => decodeCursor(cursor, shape));
    expect(problem.code).toBe('validation-failed');
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ pointer: '/cursor', detail: 'not a cursor returned by this list' }]);
  });

  it('names the list that refused the cursor', () => {
    const problem = problemOf(() =>
      decodeCursor('bm9wZQ', ['integer'], 'not a cursor returned by this search'),
    );
    expect(problem.errors).toEqual([{ pointer: '/cursor', detail: 'not a cursor returned by this search' }]);
  });
});
