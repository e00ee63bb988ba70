import type { FormEvent } from 'react';
import { draftBinder, useDraft } from './draft';
import { useSubmit } from './use-submit';

/**
 * A form over a saved draft (`useDraft`) sent with `useSubmit`: `bind` ties text controls to the
 * draft, and `onSubmit(validate, send, done)` makes the submit handler, which on success forgets
 * the draft and hands the answer to `done`.
 */
export function useDraftForm<T extends object>(key: string, initial: T) {
  const [draft, update, clear] = useDraft(key, initial);
  const { errors, problem, busy, submit } = useSubmit<unknown>();
  const onSubmit =
    <R>(validate: () => Record<string, string>, send: () => Promise<R>, done: (result: R) => void) =>
    async (event: FormEvent) => {
      event.preventDefault();
      const result = (await submit(validate, send)) as R | undefined;
      if (result) {
        clear();
        done(result);
      }
    };
  return { draft, update, bind: draftBinder(draft, update), errors, problem, busy, onSubmit };
}
