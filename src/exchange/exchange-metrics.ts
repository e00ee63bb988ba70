import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createProcessMetricsRegistry } from './metrics-endpoint.js';
import type { SnapshotSource } from './active-config.js';
import type { PartnerConfigurations } from './federation/partner-configuration-source.js';
import type { CommitTotals, TransactionLog } from './log/log-entry.js';

/** The exchange's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface ExchangeMetrics {
  readonly registry: Registry;
  /** Counts one finished call and its duration. */
  observe(service: string, status: number, errorCode: string | null, seconds: number): void;
}

/** A counter that reports a running total kept elsewhere (prom-client counters only go up by `inc`). */
function totalCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/**
 * Creates the metrics: the node's process and runtime (prom-client's defaults), calls by service, and,
 * read when scraped, the log's queue and group commits, the configuration's version and age, and each
 * partner's federation configuration.
 */
export function createExchangeMetrics(
  log: TransactionLog,
  snapshots: SnapshotSource,
  partners: PartnerConfigurations | undefined,
  now: () => number,
): ExchangeMetrics {
  const registry = createProcessMetricsRegistry();
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
  new Gauge({
    name: 'cang_exchange_config_age_seconds',
    help: 'Age of the configuration snapshot in use (since the registry issued it); absent when none is valid',
    registers: [registry],
    collect() {
      this.reset();
      const config = snapshots.current();
      if (config !== undefined) this.set((now() - config.snapshot.issuedAt) / 1000);
    },
  });
  const polls = snapshots.polls;
  if (polls !== undefined) {
    totalCounter(
      registry,
      'cang_exchange_config_polls_total',
      'Polls of the registry for its signed configuration, finished whatever their outcome',
      () => polls.call(snapshots),
    );
  }
  const commitsRead = (pick: (t: CommitTotals) => number) => () => pick(log.commitTotals());
  totalCounter(
    registry,
    'cang_log_commits_total',
    'Group commits of the transaction log',
    commitsRead((t) => t.commits),
  );
  totalCounter(
    registry,
    'cang_log_committed_entries_total',
    'Entries committed; divided by the commits, the mean group size',
    commitsRead((t) => t.entries),
  );
  totalCounter(
    registry,
    'cang_log_commit_seconds_total',
    'Time spent committing groups; divided by the commits, the mean commit latency',
    commitsRead((t) => t.seconds),
  );
  if (partners !== undefined) {
    // One series per trusted partner: the label set is bounded by the registry's partners.
    new Gauge({
      name: 'cang_federation_partner_configuration_valid',
      help: '1 when this node holds a valid federation configuration of the partner, else 0',
      labelNames: ['partner'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const instance of snapshots.current()?.partners.keys() ?? []) {
          this.labels(instance).set(partners.current(instance) === undefined ? 0 : 1);
        }
      },
    });
    new Gauge({
      name: 'cang_federation_partner_configuration_expires_in_seconds',
      help: "Seconds until the partner's federation configuration held expires",
      labelNames: ['partner'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const instance of snapshots.current()?.partners.keys() ?? []) {
          const expiresAt = partners.status(instance)?.expiresAt;
          if (expiresAt != null) this.labels(instance).set((expiresAt - now()) / 1000);
        }
      },
    });
  }
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
