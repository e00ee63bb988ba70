import { type ChangeEvent, useCallback, useEffect, useState } from 'react';

/**
 * Form state kept in sessionStorage under `key`, so a form survives a lost session (401 → login →
 * back) and a reload. `clear()` forgets it after a successful send.
 */
export function useDraft<T extends object>(
  key: string,
  initial: T,
): [T, (next: Partial<T>) => void, () => void] {
  const storageKey = `cang:draft:${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft lives only in memory.
    }
  }, [storageKey, value]);
  const update = useCallback((next: Partial<T>) => setValue((old) => ({ ...old, ...next })), []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
  }, [storageKey, initial]);
  return [value, update, clear];
}

/** Forgets every saved draft: on a deliberate logout, so the next person at this browser cannot read them. */
export function forgetAllDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith('cang:draft:')) sessionStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}

/** The keys of `T` whose values are strings: the fields a text control can edit. */
export type TextKey<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

/**
 * Binds text controls to a draft: `bind('code')` gives `name="code"`, the draft's value and an
 * `onChange` that updates it, to spread on an `<input>` or `<textarea>`.
 */
export function draftBinder<T extends object>(draft: T, update: (next: Partial<T>) => void) {
  return (name: TextKey<T>) => ({
    name,
    value: draft[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      update({ [name]: event.target.value } as Partial<T>),
  });
}
