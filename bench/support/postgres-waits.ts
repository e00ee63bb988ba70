import { sql } from 'kysely';
import type { Store } from '../../src/store/index.js';

/** What PostgreSQL's busy client sessions were doing over the samples of one run. */
export interface PostgresWaits {
  /** Busy sessions seen, summed over the samples. */
  readonly busy: number;
  /** Of those, the ones waiting for a lock another session holds. */
  readonly lockWaits: number;
  /** The most frequent `{wait event} {statement's start}`, most frequent first. */
  readonly top: readonly (readonly [string, number])[];
}

const EVERY_MS = 50;

/**
 * Runs `during` while sampling pg_stat_activity every 50 ms: which of the other client sessions are busy and
 * what each waits for. On one PostgreSQL shared by several nodes, lock waits say that the nodes take turns
 * on the same rows rather than share the cores.
 */
export async function sampleWaits<T>(
  store: Store,
  during: () => Promise<T>,
): Promise<{ value: T; waits: PostgresWaits }> {
  const counts = new Map<string, number>();
  let busy = 0;
  let lockWaits = 0;
  let running = true;
  const sample = async (): Promise<void> => {
    while (running) {
      const { rows } = await sql<{ wait: string; statement: string; lock: boolean }>`
        SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait,
               left(regexp_replace(query, '\\s+', ' ', 'g'), 40) AS statement,
               wait_event_type = 'Lock' AS lock
        FROM pg_stat_activity
        WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`.execute(
        store.db,
      );
      for (const row of rows) {
        busy++;
        if (row.lock) lockWaits++;
        const key = `${row.wait} ${row.statement}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  };
  const sampling = sample();
  // A failed sample is thrown below, once `during` is over; until then it must not count as unhandled.
  sampling.catch(() => undefined);
  try {
    const value = await during();
    return {
      value,
      waits: { busy, lockWaits, top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3) },
    };
  } finally {
    running = false;
    await sampling;
  }
}
