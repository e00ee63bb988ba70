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
  // prom-client's labels() builds and hashes a label object on every call; the children are cached per
  // service (and status and code) instead. The metrics are never reset or their label sets removed, so a
  // cached child stays the registered one; the cache grows exactly as the metrics' own label sets do.
  interface ServiceChildren {
    readonly duration: ReturnType<typeof duration.labels>;
    readonly requests: Map<number | string, ReturnType<typeof requests.labels>>;
  }
  const children = new Map<string, ServiceChildren>();
  return {
    registry,
    observe(service, status, errorCode, seconds) {
      let child = children.get(service);
      if (child === undefined) {
        child = { duration: duration.labels(service), requests: new Map() };
        children.set(service, child);
      }
      // A status alone for answers without a Cảng error code, else status and code.
      const key: number | string = errorCode === null ? status : `${status} ${errorCode}`;
      let counter = child.requests.get(key);
      if (counter === undefined) {
        counter = requests.labels(service, String(status), errorCode ?? '');
        child.requests.set(key, counter);
      }
      counter.inc();
      child.duration.observe(seconds);
    },
  };
}
