/** What the watcher needs of the registry: the configuration version every change bumps in its transaction. */
export interface ConfigVersionSource {
  configVersion(): Promise<number>;
}

/** Options of a configuration change watcher. */
export interface ConfigChangeWatcherOptions {
  readonly registry: ConfigVersionSource;
  /** Pause between the end of one poll and the start of the next. */
  readonly intervalMs: number;
  /** Takes up a version it has not handled yet; when it fails, the next poll calls it again. */
  readonly onChange: (version: number) => Promise<void> | void;
  /** Told of a failed read or callback; the watcher keeps polling. Must not throw. */
  readonly onError: (error: unknown) => void;
}

/** Follows the registry's configuration version, whichever process or node changed it. */
export interface ConfigChangeWatcher {
  /** Polls once now, calling `onChange` with the current version, then every `intervalMs`. Never rejects. */
  start(): Promise<void>;
  /** Stops polling; resolves once a poll in flight, and its callback, have finished. */
  stop(): Promise<void>;
}

/**
 * Watches for registry changes made anywhere on the same database: the CLI in another process, another
 * admin node. It reads the configuration version (one indexed single-row read) every `intervalMs` and calls
 * back only when it differs from the last version handled, so a quiet registry costs one read per poll.
 *
 * Polling on both dialects rather than PostgreSQL's LISTEN/NOTIFY: SQLite has no notification (and its
 * `data_version` moves with every commit of the transaction log, which writes the same file), a listener
 * would hold one connection outside the pool, and a notification sent while that connection is down is
 * lost, so a poll would be needed to catch up anyway. A one-row read a second is cheap on both.
 *
 * @example
 * const watcher = createConfigChangeWatcher({ registry, intervalMs: 1000, onChange: refresh, onError: log });
 * await watcher.start();
 */
export function createConfigChangeWatcher(options: ConfigChangeWatcherOptions): ConfigChangeWatcher {
  const { registry, intervalMs, onChange, onError } = options;
  let handled: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  async function poll(): Promise<void> {
    try {
      const version = await registry.configVersion();
      if (version === handled || stopped) return;
      await onChange(version);
      // Only once the callback succeeded: a failed refresh is tried again rather than waiting for the next change.
      handled = version;
    } catch (error) {
      onError(error);
    }
  }

  function pollThenSchedule(): Promise<void> {
    inFlight = poll().finally(() => {
      inFlight = undefined;
      if (stopped) return;
      // A timeout after each poll rather than an interval: a slow database never stacks up polls.
      timer = setTimeout(pollThenSchedule, intervalMs);
      timer.unref();
    });
    return inFlight;
  }

  return {
    start: pollThenSchedule,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
