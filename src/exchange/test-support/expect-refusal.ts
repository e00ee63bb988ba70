import { expect } from 'vitest';
import type { CallResult } from './exchange-harness.js';

/**
 * Checks a refusal made by Cảng itself, as the refused caller sees it: the status, `X-Cang-Error`, a
 * problem document of that type and code, a transaction id, and no stack trace.
 */
export function expectRefusal(result: CallResult, status: number, code: string): void {
  expect(result.status).toBe(status);
  expect(result.headers['x-cang-error']).toBe(code);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.headers['x-cang-id']).toMatch(/^[0-9a-f-]{36}$/);
  const problem = result.json() as { type: string; status: number; code: string };
  expect(problem).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);
}
