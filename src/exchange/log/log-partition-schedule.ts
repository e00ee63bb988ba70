import type { Store } from '../../store/index.js';
import type { ExchangeLogger } from '../exchange-context.js';
import { createLogPartitionsAhead } from './log-partitions.js';

const PARTITION_INTERVAL_MS = 24 * 3_600_000;
/** Months created ahead of the current one: a node down for weeks still finds its month on restart. */
const MONTHS_AHEAD = 2;

/** Where the partition schedule works. */
export interface LogPartitionScheduleOptions {
  readonly store: Store;
  readonly logger: ExchangeLogger;
  readonly now?: () => number;
}

/**
 * On PostgreSQL, creates the log's month partitions ahead of time: this month's and the next two, when
 * the exchange node starts and then once a day, so that a group commit never waits on DDL. (The writer
 * still creates a missing month itself, see writeBatch.) Nothing to do on SQLite. Returns the stopper.
 */
export function scheduleLogPartitions(options: LogPartitionScheduleOptions): () => void {
  const { store, logger } = options;
  if (store.dialect !== 'postgres') return () => {};
  const now = options.now ?? Date.now;
  const create = async () => {
    try {
      await createLogPartitionsAhead(store.db, now(), MONTHS_AHEAD);
    } catch (error) {
      logger.error({ err: error }, 'creating the transaction log partitions ahead failed');
    }
  };
  const timer = setInterval(create, PARTITION_INTERVAL_MS);
  timer.unref();
  void create();
  return () => clearInterval(timer);
}
