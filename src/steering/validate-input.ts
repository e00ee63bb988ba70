import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CangError, type FieldProblem } from '../core/index.js';

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
 * Normalises input text and checks it against its schema, then throws one `validation-failed` error
 * naming every bad field (the registry's pattern, kept inside this part).
 */
export function parseInput<T extends TSchema>(schema: T, raw: unknown, message: string): Static<T> {
  const value = normaliseText(raw);
  const problems = new FieldProblems();
  for (const error of Value.Errors(schema, value)) problems.add(error.path || '/', error.message);
  problems.throwIfAny(message);
  return value as Static<T>;
}

/** Like `parseInput` for query strings: numbers and booleans given as text are converted first. */
export function parseQuery<T extends TSchema>(schema: T, raw: unknown): Static<T> {
  return parseInput(schema, Value.Convert(schema, normaliseText(raw ?? {})), 'Invalid query');
}
