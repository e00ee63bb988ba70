import { useTranslation } from 'react-i18next';
import type { FieldProblem, Problem } from '../api/client';

/** The message of a problem in the current language; the API's own detail for unknown codes. */
export function useProblemText(): (problem: Problem) => string {
  const { t, i18n } = useTranslation();
  return (problem) => {
    const key = `problem.${problem.code}`;
    if (i18n.exists(key)) return t(key);
    return problem.detail ?? t('problem.unexpected');
  };
}

/** A problem shown as an alert, never a raw error or stack. */
export function ProblemAlert({ problem }: { readonly problem: Problem | undefined }) {
  const text = useProblemText();
  if (!problem) return null;
  return (
    <div role="alert" className="alert error">
      {text(problem)}
    </div>
  );
}

/** Field problems keyed by JSON pointer (`/name`), from a validation-failed problem. */
export function fieldErrorsOf(problem: Problem | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem?.errors ?? ([] as FieldProblem[])) {
    // `/pathPatterns/0` belongs to the pathPatterns field.
    const field = `/${error.pointer.split('/')[1] ?? ''}`;
    errors[field] = errors[field] ? `${errors[field]}; ${error.detail}` : error.detail;
  }
  return errors;
}
