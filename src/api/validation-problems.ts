import type { FastifySchemaValidationError } from 'fastify';
import { CangError, type FieldProblem } from '../core/index.js';

const WHERE: Readonly<Record<string, string>> = {
  body: '',
  querystring: 'In the query string: ',
  params: 'In the path: ',
  headers: 'In the headers: ',
};

// RFC 6901 §3: `~` and `/` inside a member name are escaped as `~0` and `~1`.
const escapePointer = (name: string): string => name.replaceAll('~', '~0').replaceAll('/', '~1');

function pointerOf(error: FastifySchemaValidationError): string {
  const params = error.params as { missingProperty?: unknown; additionalProperty?: unknown };
  const member = params.missingProperty ?? params.additionalProperty;
  return typeof member === 'string'
    ? `${error.instancePath}/${escapePointer(member)}`
    : error.instancePath || '/';
}

function detailOf(errors: readonly FastifySchemaValidationError[]): string {
  // A union of literals (an enum) fails once per branch; say which values are allowed instead.
  const allowed = errors
    .filter((e) => e.keyword === 'const')
    .map((e) => String((e.params as { allowedValue?: unknown }).allowedValue));
  if (allowed.length > 0) return `must be one of ${allowed.join(', ')}`;
  const useful = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? errors[0]!;
  const params = useful.params as { additionalProperty?: unknown };
  if (useful.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return 'is not a known field';
  }
  if (useful.keyword === 'required') return 'is required';
  return useful.message ?? 'is invalid';
}

/**
 * Turns Ajv's errors (collected with `allErrors`) into one `validation-failed` CangError naming every
 * bad field once, by a JSON pointer (RFC 6901) into the part of the request that holds it.
 * Installed as Fastify's `schemaErrorFormatter`.
 */
export function validationProblem(
  errors: readonly FastifySchemaValidationError[],
  dataVar: string,
): CangError {
  const byPointer = new Map<string, FastifySchemaValidationError[]>();
  for (const error of errors) {
    const pointer = pointerOf(error);
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), error]);
  }
  const where = WHERE[dataVar] ?? '';
  const problems: FieldProblem[] = [...byPointer].map(([pointer, group]) => ({
    pointer,
    detail: `${where}${detailOf(group)}`,
  }));
  const count = problems.length === 1 ? 'one field' : `${problems.length} fields`;
  return new CangError('validation-failed', `The request does not match the schema: check ${count}`, {
    errors: problems,
  });
}
