/** What the node knows of whether its transaction log can be written. */
export interface LogStoreWatch {
  /** False from a failed commit or an unanswered probe until the store answers again. */
  available(): boolean;
  /** A commit failed: the store counts as away, and is asked every `retryMs` until it answers. */
  commitFailed(): void;
  /** Asks the store now (the readiness probe); the answer also marks it away or back. Never rejects. */
  probe(): Promise<boolean>;
  /** Stops asking. */
  close(): void;
}

/** How a watch asks the store, and how often while it is away. */
export interface LogStoreWatchOptions {
  /** Whether the store answers a query (`storeAnswers`). */
  readonly answers: () => Promise<boolean>;
  readonly retryMs?: number;
}

/**
 * Follows whether the log's store is there, so that the exchange refuses calls it could not log (503
 * `log-store-unavailable`) instead of forwarding them and then dropping the answer: the first failed
 * commit, or a readiness probe that the store does not answer, turns the node away; the next answered
 * probe turns it back. A failed commit of a store that still answers (a constraint, say) turns it away
 * only until the retry's probe.
 */
export function createLogStoreWatch(options: LogStoreWatchOptions): LogStoreWatch {
  const retryMs = options.retryMs ?? 250;
  let away = false;
  let timer: NodeJS.Timeout | undefined;

  const probe = async (): Promise<boolean> => {
    const answered = await options.answers().catch(() => false);
    if (answered) back();
    else markAway();
    return answered;
  };
  const markAway = (): void => {
    away = true;
    if (timer !== undefined) return;
    timer = setInterval(() => void probe(), retryMs);
    timer.unref();
  };
  const back = (): void => {
    away = false;
    clearInterval(timer);
    timer = undefined;
  };

  return {
    available: () => !away,
    commitFailed: markAway,
    probe,
    close() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The watch of a node whose log never goes away (in-memory stores, unit tests). */
export const ALWAYS_AVAILABLE: LogStoreWatch = {
  available: () => true,
  commitFailed() {},
  probe: async () => true,
  close() {},
};
