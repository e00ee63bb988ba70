import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createTestDatabase } from '../../test/support/dialects.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { createStore, type Store, type StoreLocation } from '../store/index.js';
import {
  type ConfigChangeWatcher,
  type ConfigVersionSource,
  createConfigChangeWatcher,
} from './config-change-watcher.js';
import { createRegistry, type Registry } from './create-registry.js';
import { ACTOR, DIALECTS, buildOrganisation } from './test-support/registry-fixtures.js';

const INTERVAL_MS = 10;

/** A version source that counts the polls it answers, so a test can wait for several of them. */
function counted(source: ConfigVersionSource): ConfigVersionSource & { polls: number } {
  const counter = {
    polls: 0,
    async configVersion() {
      const version = await source.configVersion();
      counter.polls += 1;
      return version;
    },
  };
  return counter;
}

/** A watcher that records the versions it reports and the errors it is told of. */
function recordingWatcher(registry: ConfigVersionSource): {
  readonly watcher: ConfigChangeWatcher;
  readonly versions: number[];
  readonly errors: unknown[];
} {
  const versions: number[] = [];
  const errors: unknown[] = [];
  const watcher = createConfigChangeWatcher({
    registry,
    intervalMs: INTERVAL_MS,
    onChange: (version) => void versions.push(version),
    onError: (error) => void errors.push(error),
  });
  return { watcher, versions, errors };
}

async function morePolls(source: { polls: number }, count: number): Promise<void> {
  const target = source.polls + count;
  await waitUntil(() => source.polls >= target, `${count} more polls`);
}

for (const dialect of DIALECTS) {
  describe(`config change watcher on ${dialect}`, () => {
    let location: StoreLocation;
    let watchedStore: Store;
    let otherStore: Store;
    let watched: Registry;
    let other: Registry;
    let watcher: ConfigChangeWatcher | undefined;
    beforeEach(async () => {
      // Two stores on one database: this node, and another process or admin node changing the registry.
      location = await createTestDatabase(dialect);
      watchedStore = createStore(location);
      await watchedStore.migrate();
      otherStore = createStore(location);
      watched = createRegistry({ store: watchedStore, instance: 'VN-HP' });
      other = createRegistry({ store: otherStore, instance: 'VN-HP' });
    });
    afterEach(async () => {
      await watcher?.stop();
      watcher = undefined;
      await otherStore.close();
      await watchedStore.close();
      if ('sqliteFile' in location) rmSync(dirname(location.sqliteFile), { recursive: true, force: true });
    });

    it('reports a change made through another connection once, and nothing while nothing changes', async () => {
      const source = counted(watched);
      const recording = recordingWatcher(source);
      const { versions, errors } = recording;
      watcher = recording.watcher;
      // 1. The first poll hands over the version the watcher starts from.
      await watcher.start();
      expect(versions).toEqual([0]);

      // 2. Several polls of a quiet registry call back no more.
      await morePolls(source, 5);
      expect(versions).toEqual([0]);

      // 3. A change committed through the other connection is reported with its version...
      await other.organisations.create(ACTOR, buildOrganisation());
      const changed = await other.configVersion();
      expect(changed).toBeGreaterThan(0);
      await waitUntil(() => versions.length > 1, 'the change is reported');
      expect(versions).toEqual([0, changed]);

      // 4. ...once: the polls after it call back no more.
      await morePolls(source, 5);
      expect(versions).toEqual([0, changed]);
      expect(errors).toEqual([]);
    });
  });
}

describe('config change watcher when something fails', () => {
  let watcher: ConfigChangeWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
  });

  it('calls back again at the next poll when the callback failed, until it succeeds', async () => {
    const source = counted({ configVersion: async () => 7 });
    const attempts: number[] = [];
    const errors: unknown[] = [];
    watcher = createConfigChangeWatcher({
      registry: source,
      intervalMs: INTERVAL_MS,
      onChange: async (version) => {
        attempts.push(version);
        if (attempts.length === 1) throw new Error('snapshot build failed');
      },
      onError: (error) => void errors.push(error),
    });
    await watcher.start();
    await waitUntil(() => attempts.length === 2, 'the failed callback is tried again');
    await morePolls(source, 5);
    expect(attempts).toEqual([7, 7]);
    expect(errors).toEqual([new Error('snapshot build failed')]);
  });

  it('keeps polling after a failed read and reports the version once the store answers', async () => {
    let failing = true;
    const source = counted({
      configVersion: async () => {
        if (failing) throw new Error('connection refused');
        return 3;
      },
    });
    const recording = recordingWatcher(source);
    const { versions, errors } = recording;
    watcher = recording.watcher;
    await watcher.start();
    await waitUntil(() => errors.length >= 2, 'a second failed read');
    expect(versions).toEqual([]);
    failing = false;
    await waitUntil(() => versions.length > 0, 'the version is reported');
    expect(versions).toEqual([3]);
  });

  it('polls no more once stopped', async () => {
    // The watcher's timers on a clock the test moves, so "no more" needs no waiting.
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    let polls = 0;
    watcher = createConfigChangeWatcher({
      registry: { configVersion: async () => ++polls },
      intervalMs: INTERVAL_MS,
      onChange: () => {},
      onError: () => {},
    });
    await watcher.start();
    await vi.advanceTimersByTimeAsync(INTERVAL_MS * 2);
    expect(polls).toBe(3);
    await watcher.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL_MS * 10);
    expect(polls).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});
