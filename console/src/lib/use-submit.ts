import { useState } from 'react';
import type { Problem } from '../api/client';
import { fieldErrorsOf } from '../components/problem';
import { problemOf } from './use-load';

/**
 * Sends a form: first the form's own checks (`validate` returns errors keyed by JSON pointer, e.g.
 * `/name`), then the call; a validation-failed answer puts each `errors[].pointer` by its field.
 */
export function useSubmit<T>() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const submit = async (
    validate: () => Record<string, string>,
    send: () => Promise<T>,
  ): Promise<T | undefined> => {
    const found = validate();
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) return undefined;
    setBusy(true);
    try {
      return await send();
    } catch (error) {
      const p = problemOf(error);
      setErrors(fieldErrorsOf(p));
      // A lost session is handled by the shell (back to login); the draft stays.
      if (p.status !== 401) setProblem(p);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { errors, problem, busy, submit };
}
