/** Prints rows as an aligned text table on stdout, or as JSON when asked. */
export function printRows(rows: readonly Record<string, unknown>[], options: { json?: boolean } = {}): void {
  if (options.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const columns = Object.keys(rows[0]!);
  const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  console.log(columns.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  for (const row of rows) console.log(columns.map((c, i) => cell(row[c]).padEnd(widths[i]!)).join('  '));
}

/** The largest page the registry's lists serve. */
const PAGE_LIMIT = 200;

/** One page of a cursor-paginated list, as the registry's `list` queries answer it. */
interface CursorPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Every item of a cursor-paginated list, walking its pages in order. */
export async function allPages<T>(
  list: (query: { limit: number; cursor?: string }) => Promise<CursorPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
