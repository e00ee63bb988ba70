import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CangError, type FieldProblem } from '../../core/index.js';

/** Trims and NFC-normalises every string in a JSON-like value (Vietnamese input often arrives as NFD). */
export function normaliseText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normaliseText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normaliseText(inner)]));
  }
  return value;
}

/** Throws one `validation-failed` error naming every problem, if there is any. */
export function throwIfProblems(problems: readonly FieldProblem[], message: string): void {
  if (problems.length > 0) throw new CangError('validation-failed', message, { errors: [...problems] });
}

/** Normalises input text and checks it against its schema; throws `validation-failed` naming every bad field. */
export function parseInput<T extends TSchema>(schema: T, raw: unknown, message: string): Static<T> {
  const value = normaliseText(raw);
  const problems: FieldProblem[] = [];
  for (const error of Value.Errors(schema, value)) {
    const pointer = error.path || '/';
    if (!problems.some((problem) => problem.pointer === pointer))
      problems.push({ pointer, detail: error.message });
  }
  throwIfProblems(problems, message);
  return value as Static<T>;
}

/** Like `parseInput` for query strings: numbers given as text are converted first. */
export function parseQuery<T extends TSchema>(schema: T, raw: unknown): Static<T> {
  return parseInput(schema, Value.Convert(schema, normaliseText(raw ?? {})), 'Invalid list query');
}
