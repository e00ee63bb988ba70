import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Problem } from '../api/client';

/** What a screen shows while it loads data: the data, a problem, and a way to load again. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly problem: Problem | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Problem of any thrown value: the API's, or a generic one (never a raw error). */
export function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, code: 'unexpected' };
}

/** Loads data with `load` whenever `deps` change, optionally again every `refreshMs`. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], refreshMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's; tick forces a reload
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef
      .current()
      .then((value) => {
        if (!live) return;
        setData(value);
        setProblem(undefined);
      })
      .catch((error: unknown) => live && setProblem(problemOf(error)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => setTick((n) => n + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, problem, loading, reload };
}
