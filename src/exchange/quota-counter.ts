const WINDOW_MS = 60_000;

/** Requests-per-minute counters, one fixed one-minute window per grant, held by this node. */
export interface QuotaCounter {
  /** Counts one call; returns 0 when allowed, else the seconds until the window resets (Retry-After). */
  take(grantId: string, perMinute: number, now: number): number;
}

/**
 * Creates a fixed-window counter. Each node counts its own calls: with N nodes behind a load balancer a
 * grant gets at most N × quota per minute, an accepted trade-off against a shared counter on every call.
 */
export function createQuotaCounter(): QuotaCounter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(grantId, perMinute, now) {
      const start = now - (now % WINDOW_MS);
      let window = windows.get(grantId);
      if (window === undefined) {
        window = { start, count: 0 };
        windows.set(grantId, window);
      } else if (window.start !== start) {
        window.start = start;
        window.count = 0;
      }
      if (window.count >= perMinute) return Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
      window.count++;
      return 0;
    },
  };
}
