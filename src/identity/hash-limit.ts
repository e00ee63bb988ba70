import { CangError } from '../core/index.js';
import type { DeriveKey } from './password-hash.js';

/** How many password hashes run at once, and how many may wait for a turn. */
export interface HashLimit {
  readonly concurrent: number;
  readonly waiting: number;
}

/**
 * Each scrypt hash takes 32 MiB and a thread of libuv's pool (4 threads by default, shared with file and
 * DNS work): 2 at once leave the pool room for the rest; 16 more wait, each for a few tens of ms.
 */
export const DEFAULT_HASH_LIMIT: HashLimit = Object.freeze({ concurrent: 2, waiting: 16 });

/**
 * A key derivation that runs at most `concurrent` at a time and queues at most `waiting` more, in order.
 * Past that it throws `password-checks-busy` (503, Retry-After: 1) at once, so a flood of logins costs
 * neither memory nor a growing queue.
 */
export function limitHashes(deriveKey: DeriveKey, limit: HashLimit = DEFAULT_HASH_LIMIT): DeriveKey {
  let running = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    const next = queue.shift();
    if (next === undefined) running -= 1;
    else next(); // the turn passes on: `running` stays the same
  };

  return async (password, salt, cost) => {
    if (running >= limit.concurrent) {
      if (queue.length >= limit.waiting) {
        throw new CangError('password-checks-busy', 'Too many logins at once; try again in a moment', {
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise<void>((turn) => queue.push(turn));
    } else {
      running += 1;
    }
    try {
      return await deriveKey(password, salt, cost);
    } finally {
      release();
    }
  };
}
