import type { ConfigVersionSource, SnapshotPublisher } from '../registry/index.js';
import { createConfigChangeWatcher } from '../registry/index.js';
import type { ExchangeLogger } from './exchange-context.js';
import { createMemorySnapshotSource, type MemorySnapshotSource } from './memory-snapshot-source.js';

/** What the all-in-one process feeds its exchange from. */
export interface MemorySnapshotFeedOptions {
  /** The registry's configuration version, polled for changes made by another process. */
  readonly registry: ConfigVersionSource;
  readonly publisher: SnapshotPublisher;
  /** Subscribes to changes committed in this process. */
  readonly onRegistryChange: (listener: () => void) => void;
  readonly configPollSeconds: number;
  readonly snapshotMaxAgeSeconds: number;
  readonly logger: ExchangeLogger;
}

/** A memory snapshot source kept current, `ready` once the first snapshot is in. */
export interface MemorySnapshotFeed {
  readonly source: MemorySnapshotSource;
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps an in-memory snapshot source current: at once on a change made in this process, within one poll
 * on a change made by another (the CLI, another admin node on the same database), and before the snapshot
 * expires.
 */
export function feedMemorySnapshots(options: MemorySnapshotFeedOptions): MemorySnapshotFeed {
  const { publisher, logger } = options;
  const source = createMemorySnapshotSource();
  // The three triggers below often find the snapshot already taken (a change made here is also seen by
  // the watcher's next poll): only a snapshot with another ETag is indexed again.
  let fedEtag: string | undefined;
  const refresh = async () => {
    const published = await publisher.current();
    if (published.etag === fedEtag) return;
    source.set(published.snapshot);
    fedEtag = published.etag;
  };
  const refreshFailed = (error: unknown) =>
    logger.error({ err: error }, 'could not refresh the configuration snapshot');
  const watcher = createConfigChangeWatcher({
    registry: options.registry,
    intervalMs: options.configPollSeconds * 1000,
    onChange: refresh,
    onError: refreshFailed,
  });
  options.onRegistryChange(() => void refresh().catch(refreshFailed));
  const timer = setInterval(
    () => void refresh().catch(refreshFailed),
    (options.snapshotMaxAgeSeconds * 1000) / 4,
  );
  timer.unref();
  return {
    source,
    ready: watcher.start(),
    stop: async () => {
      clearInterval(timer);
      await watcher.stop();
    },
  };
}
