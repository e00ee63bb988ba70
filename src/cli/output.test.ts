import { describe, expect, it } from 'vitest';
import { allPages } from './output.js';

describe('allPages', () => {
  it('walks every page, passing each page’s cursor to the next request', async () => {
    const letters = ['a', 'b', 'c', 'd', 'e'];
    const queries: { limit: number; cursor?: string }[] = [];
    // Pages of two, the cursor being the last item of the page.
    const list = async (query: { limit: number; cursor?: string }) => {
      queries.push(query);
      const from = query.cursor === undefined ? 0 : letters.indexOf(query.cursor) + 1;
      const items = letters.slice(from, from + 2);
      return { items, nextCursor: from + 2 < letters.length ? items[items.length - 1]! : null };
    };
    expect(await allPages(list)).toEqual(letters);
    expect(queries.map((query) => query.cursor)).toEqual([undefined, 'b', 'd']);
    expect(queries.every((query) => query.limit === 200)).toBe(true);
  });

  it('answers an empty list with one request', async () => {
    let calls = 0;
    const items = await allPages(async () => {
      calls++;
      return { items: [] as string[], nextCursor: null };
    });
    expect(items).toEqual([]);
    expect(calls).toBe(1);
  });
});
