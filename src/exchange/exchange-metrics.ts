import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SnapshotSource } from './active-config.js';
import type { TransactionLog } from './log/log-entry.js';

/** The exchange's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface ExchangeMetrics {
  readonly registry: Registry;
  /** Counts one finished call and its duration. */
  observe(service: string, status: number, errorCode: string | null, seconds: number): void;
}

/** Creates the metrics; the log queue depth and config version are read when scraped. */
export function createExchangeMetrics(log: TransactionLog, snapshots: SnapshotSource): ExchangeMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'cang_exchange_requests_total',
    help: 'Calls answered by the exchange, by service, status and Cảng error code',
    labelNames: ['service', 'status', 'error_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'cang_exchange_request_duration_seconds',
    help: 'Time from receiving a call to releasing its answer',
    labelNames: ['service'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'cang_exchange_log_queue_depth',
    help: 'Transaction log entries accepted but not yet committed',
    registers: [registry],
    collect() {
      this.set(log.queueDepth());
    },
  });
  new Gauge({
    name: 'cang_exchange_config_version',
    help: 'Version of the configuration snapshot in use; 0 when none is valid',
    registers: [registry],
    collect() {
      this.set(snapshots.current()?.version ?? 0);
    },
  });
  return {
    registry,
    observe(service, status, errorCode, seconds) {
      requests.labels(service, String(status), errorCode ?? '').inc();
      duration.labels(service).observe(seconds);
    },
  };
}
