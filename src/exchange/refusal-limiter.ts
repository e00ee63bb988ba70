/** How many refusals one address may cause: a burst, refilled at a steady rate. */
export interface RefusalLimit {
  /** Refusals an address may cause at once; 0 turns the limit off. */
  readonly burst: number;
  /** Refusals per second an address regains, up to `burst`. */
  readonly perSecond: number;
}

/**
 * Counts the refusals each caller address causes (a token bucket per address), so that an address
 * guessing credentials or service ids cannot fill the durable log: past its limit, its refusals are
 * answered without a record. Calls that are not refused never pass here, so the hot path pays nothing.
 */
export interface RefusalLimiter {
  /** Takes one refusal from the address's allowance: 0 when it had one, else the seconds until it has (Retry-After). */
  take(address: string, now: number): number;
}

/** Addresses remembered at most; the least recently refused is forgotten first. */
const MAX_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export function createRefusalLimiter(limit: RefusalLimit): RefusalLimiter {
  if (limit.burst === 0) return { take: () => 0 };
  const buckets = new Map<string, Bucket>();
  return {
    take(address, now) {
      let bucket = buckets.get(address);
      if (bucket === undefined) {
        bucket = { tokens: limit.burst, at: now };
        if (buckets.size >= MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!);
      } else {
        // Re-inserted, so the map's order is the order of last refusal.
        buckets.delete(address);
        bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
        bucket.at = now;
      }
      buckets.set(address, bucket);
      if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / limit.perSecond);
      bucket.tokens -= 1;
      return 0;
    },
  };
}
