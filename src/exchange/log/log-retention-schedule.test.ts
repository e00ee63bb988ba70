import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { scheduleLogRetention } from './log-retention-schedule.js';
import { appendSequentially, buildNodeKey, openLog } from './test-support/log-fixtures.js';

const NODE = 'hp-node-1';
const DAY = 86_400_000;

function recordingLogger() {
  const lines: { level: string; object: object; message: string | undefined }[] = [];
  const at = (level: string) => (object: object, message?: string) => lines.push({ level, object, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('scheduleLogRetention', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('prunes this node’s entries past the retention period at once, and says what it removed', async () => {
    store = await createTestStore('sqlite');
    const log = await openLog(store, buildNodeKey(), { sealEveryEntries: 10 });
    // Entries 1–25 are past the retention period, 26–30 within it; the prefix removed ends at a seal.
    await appendSequentially(log, 25, { startedAt: Date.now() - 40 * DAY });
    await appendSequentially(log, 5, { startedAt: Date.now() - DAY });
    await log.close();
    const logger = recordingLogger();
    const stop = scheduleLogRetention({ store, nodeId: NODE, retentionDays: 30, logger });
    await until(() => logger.lines.length > 0);
    stop();
    expect(logger.lines).toEqual([
      {
        level: 'info',
        object: { nodeId: NODE, removed: 20, anchorSeq: 20 },
        message: 'transaction log pruned past the retention period',
      },
    ]);
  });

  it('keeps everything and schedules nothing with a retention of 0 days', async () => {
    store = await createTestStore('sqlite');
    const log = await openLog(store, buildNodeKey(), { sealEveryEntries: 10 });
    await appendSequentially(log, 5, { startedAt: Date.now() - 400 * DAY });
    await log.close();
    const logger = recordingLogger();
    scheduleLogRetention({ store, nodeId: NODE, retentionDays: 0, logger })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logger.lines).toEqual([]);
    expect(await store.db.selectFrom('log_entries').select('seq').execute()).toHaveLength(5);
  });
});
