import { CangError, type FieldProblem } from './cang-error.js';
import { ERROR_CODES } from './error-codes.js';

/** RFC 9457 problem document as Cảng writes it. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
}

/** Media type of a problem document (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Turns any thrown value into a problem document. Known errors keep their code and message;
 * anything else becomes a plain `internal` problem so no stack or internal detail leaks.
 */
export function toProblem(error: unknown, instance?: string): ProblemDocument {
  const known = error instanceof CangError ? error : new CangError('internal');
  return {
    type: `urn:cang:problem:${known.code}`,
    title: ERROR_CODES[known.code].title,
    status: known.status,
    detail: known.message,
    code: known.code,
    ...(instance === undefined ? {} : { instance }),
    ...(known.errors === undefined ? {} : { errors: known.errors }),
  };
}
