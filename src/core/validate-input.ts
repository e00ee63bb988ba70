import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CangError, type FieldProblem } from './cang-error.js';

/** Collects field problems so a caller hears about every bad field at once. */
export class FieldProblems {
  readonly #problems: FieldProblem[] = [];

  /** Adds a problem unless the field already has one. */
  add(pointer: string, detail: string): void {
    if (!this.has(pointer)) this.#problems.push({ pointer, detail });
  }

  /** Whether the field already has a problem. */
  has(pointer: string): boolean {
    return this.#problems.some((problem) => problem.pointer === pointer);
  }

  /** Whether any problem was added. */
  get any(): boolean {
    return this.#problems.length > 0;
  }

  /** The problems collected so far. */
  list(): readonly FieldProblem[] {
    return [...this.#problems];
  }

  /** Throws a `validation-failed` CangError naming every problem, if there is any. */
  throwIfAny(message: string): void {
    if (this.#problems.length > 0) {
      throw new CangError('validation-failed', message, { errors: [...this.#problems] });
    }
  }
}

/** Trims and NFC-normalises every string in a JSON-like value (Vietnamese input often arrives as NFD). */
export function normaliseText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normaliseText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normaliseText(inner)]));
  }
  return value;
}

/**
 * Normalises input text, checks it against its schema and runs the semantic checks, then throws one
 * `validation-failed` error naming every bad field. The checks see the value even when the schema
 * failed, so they must test each field's type before using it.
 */
export function parseInput<T extends TSchema>(
  schema: T,
  raw: unknown,
  message: string,
  check?: (value: Partial<Static<T>>, problems: FieldProblems) => void,
): Static<T> {
  const value = normaliseText(raw);
  const problems = new FieldProblems();
  for (const error of Value.Errors(schema, value)) problems.add(error.path || '/', error.message);
  if (check !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    check(value as Partial<Static<T>>, problems);
  }
  problems.throwIfAny(message);
  return value as Static<T>;
}

/** Like `parseInput` for query strings: numbers and booleans given as text are converted first. */
export function parseQuery<T extends TSchema>(schema: T, raw: unknown, message = 'Invalid query'): Static<T> {
  return parseInput(schema, Value.Convert(schema, normaliseText(raw ?? {})), message);
}

/** A `validation-failed` error naming one field. */
export function fieldError(pointer: string, detail: string, message = 'Invalid input'): CangError {
  return new CangError('validation-failed', message, { errors: [{ pointer, detail }] });
}
