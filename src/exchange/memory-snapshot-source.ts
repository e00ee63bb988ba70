import type { ConfigSnapshot } from '../registry/index.js';
import { type ActiveConfig, indexSnapshot, type SnapshotSource } from './active-config.js';

/** A snapshot source fed in memory by the all-in-one process on every registry change. */
export interface MemorySnapshotSource extends SnapshotSource {
  set(snapshot: ConfigSnapshot): void;
}

/**
 * Creates a snapshot source held in memory. Like the polling source, it stops answering once the
 * snapshot it holds has expired, so both deployments behave alike, and it ignores an older version than
 * the one held: refreshes started by an in-process change, the change watcher and the re-signing timer
 * may finish out of order, and the last to finish must not bring back a revoked grant.
 */
export function createMemorySnapshotSource(now: () => number = Date.now): MemorySnapshotSource {
  let active: ActiveConfig | undefined;
  return {
    current: () => (active !== undefined && active.expiresAt > now() ? active : undefined),
    set(snapshot) {
      if (active !== undefined && snapshot.version < active.version) return;
      active = indexSnapshot(snapshot);
    },
  };
}
