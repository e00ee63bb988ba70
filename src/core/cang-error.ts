import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/** One field-level problem, named by a JSON pointer into the input. */
export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * The one error class of Cảng: a stable code, its HTTP status, a message safe to show to the caller,
 * optional details (field problems) and an optional cause that is logged but never shown.
 *
 * @example throw new CangError('access-denied', 'No grant allows GET on this service');
 */
export class CangError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: readonly FieldProblem[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ErrorCode,
    message: string = ERROR_CODES[code].title,
    options: {
      cause?: unknown;
      errors?: readonly FieldProblem[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CangError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}
