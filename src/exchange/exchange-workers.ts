import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';
import { CangError } from '../core/index.js';
import type { ExchangeLogger } from './exchange-context.js';
import type { MetricsSource } from './metrics-endpoint.js';

/**
 * The environment variable that tells a forked process it is exchange worker N (1, 2, …). The primary
 * sets it for each worker it forks; main.ts reads it.
 */
export const EXCHANGE_WORKER_ENV = 'CANG_EXCHANGE_WORKER';

/** Where a worker listens. All workers share the primary's listening socket, so they report the same. */
export interface ExchangeWorkerUrls {
  readonly exchangeUrl: string;
}

/** The messages between the primary and its workers, all tagged `cang` beside prom-client's own. */
type WorkerMessage =
  | { readonly cang: 'listening'; readonly urls: ExchangeWorkerUrls }
  | { readonly cang: 'served'; readonly version: number }
  | { readonly cang: 'metrics-request'; readonly id: number };
type PrimaryMessage =
  | { readonly cang: 'metrics'; readonly id: number; readonly text?: string; readonly error?: string }
  | { readonly cang: 'stop' };

function isTagged<T extends { cang: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && 'cang' in message;
}

/** A primary's running workers. */
export interface ExchangeWorkers {
  readonly urls: ExchangeWorkerUrls;
  /** The configuration version every worker serves (the lowest), once each has reported one. */
  servedVersion(): number | undefined;
  /** Every worker's metrics summed (prom-client's cluster aggregation), then the primary's own. */
  readonly metrics: MetricsSource;
  /** Restarts of crashed workers so far. */
  restarts(): number;
  /** Asks every worker to stop (each drains its calls and commits its log) and waits for them to exit. */
  close(): Promise<void>;
}

/** How the primary runs its workers. */
export interface ExchangeWorkersOptions {
  readonly count: number;
  readonly logger: ExchangeLogger;
  /** The primary's own metrics (the admin API's, all in one), added after the workers' aggregate. */
  readonly ownMetrics?: Registry;
}

/** A worker that dies sooner than this after its start is restarted only after the same delay. */
const QUICK_DEATH_MS = 1000;

/**
 * Forks `count` exchange workers of this process (node:cluster: they run the same command and share its
 * listening sockets, the primary handing each new connection to the next worker in turn), resolves once
 * every one listens, and from then on restarts a worker that exits unasked under the same index, so it
 * reopens its own chain where it ended. Fails when a worker dies before it first listens.
 */
export async function superviseExchangeWorkers(options: ExchangeWorkersOptions): Promise<ExchangeWorkers> {
  const { count, logger } = options;
  const byIndex = new Map<number, { worker: Worker; startedAt: number; served: number | undefined }>();
  let stopping = false;
  let restarts = 0;
  let urls: ExchangeWorkerUrls | undefined;
  const aggregator = new AggregatorRegistry();

  const aggregate = async (): Promise<string> => {
    const own = options.ownMetrics === undefined ? '' : await options.ownMetrics.metrics();
    return `${await aggregator.clusterMetrics()}${own}`;
  };

  let starting: { resolve: () => void; reject: (error: Error) => void; pending: number } | undefined;
  const fork = (index: number) => {
    const worker = cluster.fork({ [EXCHANGE_WORKER_ENV]: String(index) });
    const entry = { worker, startedAt: Date.now(), served: undefined as number | undefined };
    byIndex.set(index, entry);
    worker.on('message', (message: unknown) => {
      if (!isTagged<WorkerMessage>(message)) return;
      if (message.cang === 'listening') {
        urls ??= message.urls;
        if (starting !== undefined && --starting.pending === 0) starting.resolve();
      } else if (message.cang === 'served') {
        entry.served = message.version;
      } else if (message.cang === 'metrics-request') {
        aggregate().then(
          (text) => send(worker, { cang: 'metrics', id: message.id, text }),
          (error: unknown) =>
            send(worker, { cang: 'metrics', id: message.id, error: (error as Error).message }),
        );
      }
    });
    worker.on('exit', (code, signal) => {
      if (byIndex.get(index)?.worker === worker) byIndex.delete(index);
      if (stopping) return;
      if (starting !== undefined) {
        starting.reject(
          new CangError('internal', `Exchange worker ${index} exited (${signal ?? code}) before listening`),
        );
        return;
      }
      restarts++;
      const delay = Date.now() - entry.startedAt < QUICK_DEATH_MS ? QUICK_DEATH_MS : 0;
      logger.warn({ worker: index, code, signal }, 'exchange worker exited; restarting it');
      setTimeout(() => {
        if (!stopping) fork(index);
      }, delay);
    });
  };

  const close = async () => {
    stopping = true;
    await Promise.all(
      [...byIndex.values()].map(
        ({ worker }) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            send(worker, { cang: 'stop' });
          }),
      ),
    );
  };

  try {
    await new Promise<void>((resolve, reject) => {
      starting = { resolve, reject, pending: count };
      for (let index = 1; index <= count; index++) fork(index);
    });
  } catch (error) {
    await close();
    throw error;
  } finally {
    starting = undefined;
  }
  return {
    urls: urls!,
    servedVersion: () => {
      const versions = [...byIndex.values()].map((entry) => entry.served);
      if (versions.length < count || versions.some((version) => version === undefined)) return undefined;
      return Math.min(...(versions as number[]));
    },
    metrics: { contentType: aggregator.contentType, metrics: aggregate },
    restarts: () => restarts,
    close,
  };
}

function send(worker: Worker, message: PrimaryMessage): void {
  if (worker.isConnected()) worker.send(message);
}

/** What a worker process runs: its exchange, started, and how to stop it. */
export interface WorkerExchange {
  readonly urls: ExchangeWorkerUrls;
  readonly metrics: Registry;
  servedVersion(): number | undefined;
  close(): Promise<void>;
}

/** How often a worker tells the primary which configuration version it serves. */
const SERVED_REPORT_MS = 100;

/**
 * Runs this process as an exchange worker once its exchange listens: reports where it listens, the
 * configuration version it serves and, asked by the primary, its metrics (prom-client's cluster protocol);
 * stops (draining and committing its log) when the primary asks, when the primary is gone, or on SIGTERM
 * sent to the worker itself. Ctrl-C reaches the whole process group: the primary stops the workers then.
 */
export function serveAsExchangeWorker(running: WorkerExchange, logger: ExchangeLogger): void {
  // Constructing one installs prom-client's cluster listener, which answers the primary's metrics requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([running.metrics]);
  process.send?.({ cang: 'listening', urls: running.urls } satisfies WorkerMessage);
  let reported: number | undefined;
  const report = setInterval(() => {
    const version = running.servedVersion();
    if (version === undefined || version === reported) return;
    reported = version;
    process.send?.({ cang: 'served', version } satisfies WorkerMessage);
  }, SERVED_REPORT_MS);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      clearInterval(report);
      try {
        await running.close();
      } catch (error) {
        logger.error({ err: error }, 'exchange worker did not stop cleanly');
        process.exitCode = 1;
      }
      process.exit();
    })();
  };
  process.on('message', (message: unknown) => {
    if (isTagged<PrimaryMessage>(message) && message.cang === 'stop') stop();
  });
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
  process.on('SIGINT', () => {});
}

/**
 * The metrics a worker's `/metrics` answers: the whole node's, aggregated by the primary, so that a
 * scrape sees the same totals whichever worker the connection lands on.
 */
export function primaryMetricsSource(): MetricsSource {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on('message', (message: unknown) => {
    if (!isTagged<PrimaryMessage>(message) || message.cang !== 'metrics') return;
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.text !== undefined) request?.resolve(message.text);
    else request?.reject(new CangError('internal', message.error ?? 'metrics failed'));
  });
  return {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,
    metrics: () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        process.send?.({ cang: 'metrics-request', id } satisfies WorkerMessage);
      }),
  };
}
