import { expect } from 'vitest';
import type { Database, Store } from '../../store/index.js';
import type { ProblemBody } from './api-harness.js';

/**
 * Checks a refusal of the admin API as the refused caller sees it: the status, a problem document of
 * that type, status and code, and no stack trace. Returns the problem for further checks (its fields).
 */
export async function expectRefusal(response: Response, status: number, code: string): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = JSON.parse(text) as ProblemBody;
  expect(problem).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
  expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  return problem;
}

/** Every row of the tables, in a stable order, to compare before and after a refusal. */
async function rowsOf(store: Store, tables: readonly (keyof Database)[]): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of tables) {
    const found = await store.db.selectFrom(table).selectAll().execute();
    rows[table] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

/**
 * Runs the refused calls and checks that nothing changed on the refused side: the tables they would
 * have written hold the same rows, and the audit trail (every admin change is audited in its own
 * transaction) gained nothing.
 */
export async function expectNothingWritten(
  store: Store,
  tables: readonly (keyof Database)[],
  refused: () => Promise<void>,
): Promise<void> {
  const watched = [...new Set<keyof Database>([...tables, 'audit_events'])];
  const before = await rowsOf(store, watched);
  await refused();
  expect(await rowsOf(store, watched)).toEqual(before);
}
