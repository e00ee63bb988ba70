import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../core/index.js';
import type { CommitBatch } from './log-writer.js';

/** Commits batches on a SQLite file from a worker thread. */
export interface SqliteCommitWorker {
  /** Resolves once the batch is committed (fsynced); rejects, with nothing written, when it failed. */
  commit(batch: CommitBatch): Promise<void>;
  close(): Promise<void>;
}

/** What the commit thread answers for one batch (see sqlite-commit-thread.ts). */
export interface CommitReply {
  readonly id: number;
  readonly error?: string;
}

interface Waiting {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Starts the commit worker for a SQLite file. Committing from a worker keeps the fsync of each group
 * (synchronous=FULL) and the statement work off the event loop, which meanwhile keeps serving calls:
 * on the main thread every commit stalled every connection for the length of an fsync.
 */
export function createSqliteCommitWorker(file: string): SqliteCommitWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: unknown): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  // Started at once (so that the first call does not wait for a thread to load) and again after a crash;
  // referenced only while a commit is in flight.
  const ensure = (): Worker => {
    if (worker !== null) return worker;
    const started = startModuleWorker(import.meta.url, 'sqlite-commit-thread', { workerData: { file } });
    started.unref();
    started.on('message', (reply: CommitReply) => {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if (reply.error === undefined) w?.resolve();
      else w?.reject(new Error(reply.error));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new Error('The log commit worker stopped'));
    });
    worker = started;
    return started;
  };

  ensure();
  return {
    commit(batch) {
      const target = ensure();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.ref();
        target.postMessage({ id, batch });
      });
    },
    async close() {
      const target = worker;
      if (target === null) return;
      worker = null;
      await new Promise<void>((resolve) => {
        target.once('exit', () => resolve());
        target.ref();
        target.postMessage({ close: true });
      });
    },
  };
}
