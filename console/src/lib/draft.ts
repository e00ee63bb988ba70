import { useCallback, useEffect, useState } from 'react';

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
