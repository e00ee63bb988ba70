import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CangError } from './cang-error.js';
import { ERROR_CODES } from './error-codes.js';
import { toProblem } from './problem-document.js';

describe('error codes', () => {
  it('are listed in docs/errors.md with the same status, and nothing else is', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = Object.fromEntries(
      [...doc.matchAll(/^\| `([a-z-]+)` +\| (\d{3}) +\|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const inCode = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, v]) => [code, v.status]));
    expect(documented).toEqual(inCode);
  });

  it('turns an unknown error into a bare internal problem without its message', () => {
    const problem = toProblem(new Error('connection string postgres://user:secret@db'));
    expect(problem).toEqual({
      type: 'urn:cang:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: 'Internal error',
      code: 'internal',
    });
  });

  it('keeps a known error code, status, message and field problems', () => {
    const problem = toProblem(
      new CangError('validation-failed', 'Bad input', { errors: [{ pointer: '/name', detail: 'required' }] }),
      '/api/v1/organisations',
    );
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('urn:cang:problem:validation-failed');
    expect(problem.errors).toEqual([{ pointer: '/name', detail: 'required' }]);
    expect(problem.instance).toBe('/api/v1/organisations');
  });
});
