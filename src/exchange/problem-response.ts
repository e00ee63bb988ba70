import type { ServerResponse } from 'node:http';
import { CangError, PROBLEM_CONTENT_TYPE, toProblem } from '../core/index.js';

/**
 * Answers with Cảng's own refusal: an RFC 9457 problem document, `X-Cang-Error: {code}` so callers can
 * tell it from a provider's answer, and `X-Cang-Id`. Unknown errors become a bare `internal` problem:
 * no stack or internal detail ever reaches the caller. Returns the status and code sent.
 */
export function writeProblem(
  res: ServerResponse,
  error: unknown,
  transactionId: string | null,
): { status: number; code: string } {
  const problem = toProblem(error);
  const body = JSON.stringify(problem);
  const headers: Record<string, string | number> = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-cang-error': problem.code,
    'cache-control': 'no-store',
  };
  if (transactionId !== null) headers['x-cang-id'] = transactionId;
  if (error instanceof CangError && error.headers !== undefined) Object.assign(headers, error.headers);
  // After an oversized body the rest of it is not read: close the connection rather than drain it.
  if (problem.code === 'payload-too-large') headers.connection = 'close';
  if (!res.headersSent) res.writeHead(problem.status, headers);
  res.end(body);
  return { status: problem.status, code: problem.code };
}
