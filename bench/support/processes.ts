import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A child process started for a benchmark, with the port it printed. */
export interface BenchProcess {
  readonly port: number;
  /** Whatever followed the port on the READY line ('' when nothing). */
  readonly info: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The Node.js flags and environment `cang start` gives a server (bin/cang.js): every process of a benchmark
 * runs with them, the baselines too, so that Cảng's nodes are measured as production runs them and the
 * baselines on the same heap and allocator.
 */
const SERVER_RUNTIME: { nodeFlags: string[]; env: Record<string, string> } = JSON.parse(
  readFileSync(new URL('../../bin/server-runtime.json', import.meta.url), 'utf8'),
);

/**
 * Starts a script in its own process and waits for its `READY {port}` line: a TypeScript file through tsx,
 * a compiled `.js` file on plain Node.js (no loader from this process's environment). `nodeArgs` go before
 * the script (e.g. `--cpu-prof`), after the server's flags.
 */
export async function startProcess(
  script: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<BenchProcess> {
  const compiled = script.endsWith('.js');
  const loader = compiled ? [] : ['--import', 'tsx'];
  const child = spawn(
    process.execPath,
    [...SERVER_RUNTIME.nodeFlags, ...nodeArgs, ...loader, script, ...args],
    {
      env: { ...SERVER_RUNTIME.env, ...process.env, ...(compiled ? { NODE_OPTIONS: '' } : {}), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = await new Promise<{ port: number; info: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^READY (\d+) ?(.*)$/.exec(line);
      if (match) resolve({ port: Number(match[1]), info: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return { ...ready, child, stop: () => stopChild(child) };
}

/** How long a child may take to close cleanly on SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * Stops a child: SIGTERM, then SIGKILL when it has not exited after the grace period. Resolves once it
 * has exited, whether by a code or by a signal (`exitCode` stays null after a signal).
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      console.error(`bench: process ${child.pid} ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * CPU seconds (user + system, all threads) a child has used so far, from /proc on Linux; null elsewhere.
 * Divided by the calls it served, it is a figure less disturbed by a busy machine than requests/s.
 */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Peak resident set size of a child in MiB (VmHWM, every thread), from /proc on Linux; null elsewhere. */
export function processPeakRssMb(pid: number | undefined): number | null {
  return processStatusMib(pid, 'VmHWM');
}

/** Resident set size of a child in MiB now (VmRSS), from /proc on Linux; null elsewhere. */
export function processRssMb(pid: number | undefined): number | null {
  return processStatusMib(pid, 'VmRSS');
}

function processStatusMib(pid: number | undefined, field: string): number | null {
  if (pid === undefined) return null;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;
