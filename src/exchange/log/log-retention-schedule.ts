import type { Store } from '../../store/index.js';
import type { ExchangeLogger } from '../exchange-context.js';
import { pruneLog } from './prune-log.js';

const RETENTION_INTERVAL_MS = 6 * 3_600_000;

/** What the retention schedule prunes. */
export interface LogRetentionOptions {
  readonly store: Store;
  /** Only this node's chain is pruned: every node keeps its own. */
  readonly nodeId: string;
  /** Entries older than this many days go; 0 keeps everything and schedules nothing. */
  readonly retentionDays: number;
  readonly logger: ExchangeLogger;
}

/**
 * Prunes this node's log chain past the retention period now and every six hours, as far as verified
 * exports cover it (`pruneLog`); returns the stopper.
 */
export function scheduleLogRetention(options: LogRetentionOptions): () => void {
  const { store, nodeId, retentionDays, logger } = options;
  if (retentionDays === 0) return () => {};
  const prune = async () => {
    try {
      const result = await pruneLog({ store, nodeId, olderThan: Date.now() - retentionDays * 86_400_000 });
      for (const node of result.nodes) {
        if (node.removed > 0) logger.info(node, 'transaction log pruned past the retention period');
        if (node.awaitingExport > 0) {
          logger.warn(
            node,
            'log entries past the retention period wait for a verified export (cang log export)',
          );
        }
      }
    } catch (error) {
      logger.error({ err: error }, 'transaction log retention failed');
    }
  };
  const timer = setInterval(prune, RETENTION_INTERVAL_MS);
  timer.unref();
  void prune();
  return () => clearInterval(timer);
}
