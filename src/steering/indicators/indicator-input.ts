import { CangError, type FieldProblem } from '../../core/index.js';

export { normaliseText, parseInput, parseQuery } from '../../core/index.js';

/** Throws one `validation-failed` error naming every problem, if there is any. */
export function throwIfProblems(problems: readonly FieldProblem[], message: string): void {
  if (problems.length > 0) throw new CangError('validation-failed', message, { errors: [...problems] });
}
