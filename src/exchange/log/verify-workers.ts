import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../core/index.js';

/** Worker threads to use by default: one per core, at most four. */
export function defaultVerifyWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** One range of a node's chain to check: the entries with `after < seq <= last`. */
export interface RangeRequest {
  readonly nodeId: string;
  readonly after: number;
  readonly last: number;
  /** Seqs in the range that carry a seal, ascending: the worker reports the entry hash at each. */
  readonly sealSeqs: readonly number[];
}

/**
 * What a worker found in a range. `clean` means: exactly the entries after+1 … last are there, in
 * order, each one's stored hash is the hash of its stored prev hash and its canonical entry, and each
 * one's prev hash is the previous entry's hash. Anything else (including an error) is `clean: false`,
 * and the caller re-walks the range entry by entry to find and name the problem.
 */
export type RangeResult =
  | {
      readonly clean: true;
      readonly firstPrev: string;
      readonly lastHash: string;
      /** Entry hash by seal seq. */
      readonly sealHeads: ReadonlyMap<number, string>;
    }
  | { readonly clean: false };

/** What the verify thread answers for one range (see verify-thread.ts); null when it is not clean. */
export interface WorkerReply {
  readonly id: number;
  readonly result: { firstPrev: string; lastHash: string; sealHeads: string[] } | null;
}

/** A few workers, each with its own read-only connection to the store's file, checking ranges. */
export class VerifyWorkerPool {
  private readonly workers: Worker[] = [];
  /** Ranges in flight: how to answer each, and which worker holds it. */
  private readonly waiting = new Map<
    number,
    { resolve: (reply: WorkerReply['result']) => void; worker: Worker }
  >();
  private readonly dead = new Set<Worker>();
  private nextId = 0;
  private next = 0;

  constructor(file: string, count: number) {
    for (let i = 0; i < count; i++) {
      const worker = startModuleWorker(import.meta.url, 'verify-thread', { workerData: { file } });
      worker.on('message', (reply: WorkerReply) => this.settle(reply.id, reply.result));
      // A worker that cannot open the file or dies answers every range it holds as "not clean":
      // the caller then checks those ranges itself.
      const failOwn = () => {
        this.dead.add(worker);
        for (const [id, w] of this.waiting) if (w.worker === worker) this.settle(id, null);
      };
      worker.on('error', failOwn);
      worker.on('exit', failOwn);
      this.workers.push(worker);
    }
  }

  /** Whether every worker has stopped (e.g. could not open the file): checking on is pointless. */
  get broken(): boolean {
    return this.dead.size >= this.workers.length;
  }

  /** Checks a range on the next worker (round robin). */
  check(request: RangeRequest): Promise<RangeResult> {
    const id = this.nextId++;
    const worker = this.workers[this.next++ % this.workers.length];
    if (worker === undefined || this.dead.has(worker)) return Promise.resolve({ clean: false });
    return new Promise<RangeResult>((resolve) => {
      const answer = (result: WorkerReply['result']) =>
        resolve(
          result === null || result.sealHeads.length !== request.sealSeqs.length
            ? { clean: false }
            : {
                clean: true,
                firstPrev: result.firstPrev,
                lastHash: result.lastHash,
                sealHeads: new Map(request.sealSeqs.map((seq, i) => [seq, result.sealHeads[i]!])),
              },
        );
      this.waiting.set(id, { resolve: answer, worker });
      worker.postMessage({ id, ...request });
    });
  }

  private settle(id: number, result: WorkerReply['result']): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.resolve(result);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
    for (const id of [...this.waiting.keys()]) this.settle(id, null);
  }
}
