import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import type { Store } from '../../store/index.js';
import { exportVerifiedLog } from './export-coverage.js';
import { scheduleLogRetention } from './log-retention-schedule.js';
import { appendSequentially, buildNodeKey, openLog } from './test-support/log-fixtures.js';

const NODE = 'hp-node-1';
const DAY = 86_400_000;

function recordingLogger() {
  const lines: { level: string; object: object; message: string | undefined }[] = [];
  const at = (level: string) => (object: object, message?: string) => lines.push({ level, object, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describe('scheduleLogRetention', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('prunes this node’s entries past the retention period and covered by an export at once, and says what it removed', async () => {
    store = await createTestStore('sqlite');
    const key = buildNodeKey();
    const log = await openLog(store, key, { sealEveryEntries: 10 });
    // Entries 1–25 are past the retention period, 26–30 within it; the prefix removed ends at a seal.
    await appendSequentially(log, 25, { startedAt: Date.now() - 40 * DAY });
    await appendSequentially(log, 5, { startedAt: Date.now() - DAY });
    await log.close();
    const dir = mkdtempSync(join(tmpdir(), 'cang-retention-export-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    await exportVerifiedLog({
      store,
      file: join(dir, 'log.ndjson.gz'),
      signingKey: key.privateKey,
      keyId: key.keyId,
    });
    const logger = recordingLogger();
    const stop = scheduleLogRetention({ store, nodeId: NODE, retentionDays: 30, logger });
    await waitUntil(() => logger.lines.length > 0, 'the prune is logged');
    stop();
    expect(logger.lines).toEqual([
      {
        level: 'info',
        object: { nodeId: NODE, removed: 20, anchorSeq: 20, awaitingExport: 0 },
        message: 'transaction log pruned past the retention period',
      },
    ]);
  });

  it('removes nothing no verified export covers, and warns that entries wait for one', async () => {
    store = await createTestStore('sqlite');
    const log = await openLog(store, buildNodeKey(), { sealEveryEntries: 10 });
    await appendSequentially(log, 25, { startedAt: Date.now() - 40 * DAY });
    await log.close();
    const logger = recordingLogger();
    const stop = scheduleLogRetention({ store, nodeId: NODE, retentionDays: 30, logger });
    await waitUntil(() => logger.lines.length > 0, 'the warning is logged');
    stop();
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        object: { nodeId: NODE, removed: 0, anchorSeq: 0, awaitingExport: 25 },
        message: 'log entries past the retention period wait for a verified export (cang log export)',
      },
    ]);
    expect(await store.db.selectFrom('log_entries').select('seq').execute()).toHaveLength(25);
  });

  it('keeps everything and schedules nothing with a retention of 0 days', async () => {
    store = await createTestStore('sqlite');
    const log = await openLog(store, buildNodeKey(), { sealEveryEntries: 10 });
    await appendSequentially(log, 5, { startedAt: Date.now() - 400 * DAY });
    await log.close();
    const logger = recordingLogger();
    // Whether a prune starts now or later, it must reach the store: count the reads instead of waiting.
    let reads = 0;
    const real = store;
    const watched: Store = {
      ...real,
      get db() {
        reads++;
        return real.db;
      },
    };
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const stop = scheduleLogRetention({ store: watched, nodeId: NODE, retentionDays: 0, logger });
    expect(vi.getTimerCount()).toBe(0);
    await vi.runAllTimersAsync();
    stop();
    expect(reads).toBe(0);
    expect(logger.lines).toEqual([]);
    expect(await store.db.selectFrom('log_entries').select('seq').execute()).toHaveLength(5);
  });
});
