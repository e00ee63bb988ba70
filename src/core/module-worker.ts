import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/*
 * Worker threads run the same modules as the main thread: compiled JavaScript in production, the
 * TypeScript sources in development and tests. A worker does not inherit loader hooks, so a worker on a
 * `.ts` module gets tsx's loader, the one bin/cang.js and the test runner use for the main thread.
 */
const TYPESCRIPT = /\.ts$/;
/** V8's heap sizes given to the process (bin/cang.js): they hold for its threads too, and Node.js refuses them in a thread's execArgv. */
const PROCESS_HEAP_FLAG = /^--(?:max|min)-(?:semi|old)-space-size(?:=|$)/;

/**
 * Starts a worker on the module `name` beside the caller's own module (pass `import.meta.url`),
 * with the caller's extension: `commit-thread` beside `…/log/transaction-log.ts` is `…/log/commit-thread.ts`.
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const caller = new URL(callerUrl);
  const extension = TYPESCRIPT.test(caller.pathname) ? '.ts' : '.js';
  const module = new URL(`./${name}${extension}`, caller);
  if (extension === '.js') return new Worker(module, options);
  const tsxLoader = pathToFileURL(createRequire(callerUrl).resolve('tsx')).href;
  const inherited = process.execArgv.filter((flag) => !PROCESS_HEAP_FLAG.test(flag));
  return new Worker(module, {
    ...options,
    execArgv: [...(options.execArgv ?? inherited), '--import', tsxLoader],
  });
}
