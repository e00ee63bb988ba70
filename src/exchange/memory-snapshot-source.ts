import type { ConfigSnapshot } from '../registry/index.js';
import { type ActiveConfig, indexSnapshot, type SnapshotSource } from './active-config.js';

/** A snapshot source fed in memory by the all-in-one process on every registry change. */
export interface MemorySnapshotSource extends SnapshotSource {
  set(snapshot: ConfigSnapshot): void;
}

/**
 * Creates a snapshot source held in memory. Like the polling source, it stops answering once the
 * snapshot it holds has expired, so both deployments behave alike.
 */
export function createMemorySnapshotSource(now: () => number = Date.now): MemorySnapshotSource {
  let active: ActiveConfig | undefined;
  return {
    current: () => (active !== undefined && active.expiresAt > now() ? active : undefined),
    set(snapshot) {
      active = indexSnapshot(snapshot);
    },
  };
}
