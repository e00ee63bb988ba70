import { type TSchema, Type } from '@sinclair/typebox';
import { PROBLEM_CONTENT_TYPE } from '../core/index.js';

/** An RFC 9457 problem document, as every error of the admin API is answered. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ examples: ['urn:cang:problem:forbidden'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code; see docs/errors.md', examples: ['forbidden'] }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String({
            description: 'JSON pointer (RFC 6901) to the bad field',
            examples: ['/name'],
          }),
          detail: Type.String(),
        }),
        { description: 'Every bad field, for validation-failed' },
      ),
    ),
  },
  { description: 'A problem document (RFC 9457)' },
);

const problemResponse = {
  description: 'A problem document (RFC 9457)',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
} as const;

/** Route response schemas plus the problem documents every route may answer with. */
export function withProblems<T extends Record<number, TSchema>>(
  ok: T,
): T & { '4xx': typeof problemResponse; '5xx': typeof problemResponse } {
  return { ...ok, '4xx': problemResponse, '5xx': problemResponse };
}

/** The schema of an empty 204 answer. */
export const NoContent = Type.Null({ description: 'No content' });
