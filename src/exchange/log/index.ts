/** exchange/log: the chained, sealed, durable transaction log, its statistics, verification, archives and retention. */
export type { ArchiveHeader, ArchiveNodeExtent, ArchiveTrailer } from './archive-format.js';
export { ARCHIVE_FORMAT } from './archive-format.js';
export type { VerifyFailure, VerifyFailureReason, VerifyResult } from './chain-checker.js';
export {
  CANONICAL_FIELD_COUNT,
  canonicalEntry,
  canonicalValues,
  chainRecord,
  entryHash,
  entryToRow,
  genesisHash,
  rowToEntry,
} from './entry-encoding.js';
export {
  type ExportCoverage,
  exportVerifiedLog,
  readExportCoverage,
  type VerifiedExportResult,
} from './export-coverage.js';
export { type ExportLogOptions, type ExportLogResult, exportLog } from './export-log.js';
export { type LogAnchor, readAnchor } from './log-anchor.js';
export { type LogPartitionScheduleOptions, scheduleLogPartitions } from './log-partition-schedule.js';
export { type LogRetentionOptions, scheduleLogRetention } from './log-retention-schedule.js';
export type { ChainedEntry, TransactionLog, TransactionRecord } from './log-entry.js';
export { type LogSeal, type PublicKeyInput, canonicalSeal, makeSeal } from './log-seal.js';
export { type PruneLogOptions, type PruneLogResult, pruneLog } from './prune-log.js';
export {
  type PartnerTraffic,
  type PartnerTrafficDirection,
  type PartnerTrafficMinute,
  type PartnerTrafficQuery,
  readPartnerTraffic,
} from './read-partner-traffic.js';
export {
  type TrafficQuery,
  type TrafficStat,
  histogramQuantile,
  readTrafficStats,
} from './read-traffic-stats.js';
export { LATENCY_BUCKETS_MS } from './traffic-stats.js';
export {
  type NodeTransactionLog,
  type TransactionLogOptions,
  createTransactionLog,
} from './transaction-log.js';
export {
  type ArchiveVerifyResult,
  type VerifyArchiveOptions,
  verifyArchive,
} from './verify-archive.js';
export { type VerifyLogOptions, verifyLog } from './verify-log.js';
export { type LogSearchItem, type LogSearchQuery, searchLog } from './search-log.js';
