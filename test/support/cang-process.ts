import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const CANG = resolve(import.meta.dirname, '../../bin/cang.js');

/** A `cang start` running as a real child process, with what it printed. */
export interface CangProcess {
  readonly child: ChildProcess;
  /** Undefined when the role runs no admin server (`CANG_ROLE=exchange`). */
  readonly adminUrl: string;
  readonly exchangeUrl: string;
  /** The generated administrator password, printed on the first start only. */
  readonly adminPassword: string | undefined;
  readonly output: string[];
  /** Stops it with a signal and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The environment of a Cảng process on its own data directory and ephemeral ports. */
export function cangEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CANG_DATA_DIR: dataDir,
    CANG_ADMIN_PORT: '0',
    CANG_EXCHANGE_PORT: '0',
    CANG_LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * Starts `cang start` and resolves once it has printed its URLs (it prints them when listening).
 * `launcher` is the checkout's bin/cang.js unless given (a compiled build's copy, say).
 */
export async function startCang(
  dataDir: string,
  extra: Record<string, string> = {},
  launcher = CANG,
): Promise<CangProcess> {
  const child = spawn(process.execPath, [launcher, 'start'], {
    env: cangEnv(dataDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const found: { admin?: string; exchange?: string; password?: string } = {};
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`cang start printed no URLs:\n${output.join('')}`)),
      60_000,
    );
    child.once('exit', (code) => fail(new Error(`cang start exited with ${code}:\n${output.join('')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      found.admin ??= /Console and admin API:\s+(\S+)\/$/.exec(line)?.[1];
      found.exchange ??= /Exchange \(r1\):\s+(\S+)\/r1\/$/.exec(line)?.[1];
      found.password ??= /^\s+password: (\S+)$/.exec(line)?.[1];
      // The banner ends with the first administrator's password, or with the note that there is none.
      if (found.password !== undefined || /^\s+Log in with an existing account/.test(line)) {
        clearTimeout(timer);
        done();
      }
    });
  });
  return {
    child,
    adminUrl: found.admin!,
    exchangeUrl: found.exchange!,
    adminPassword: found.password,
    output,
    kill: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

/** Runs a `cang` command to completion (env and launcher as for startCang); returns its exit code and output. */
export function runCang(
  dataDir: string,
  args: readonly string[],
  extra: Record<string, string> = {},
  launcher = CANG,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], {
    env: cangEnv(dataDir, extra),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
