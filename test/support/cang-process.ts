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
  /**
   * The first administrator's password on the first start only: the printed one, which the first login
   * must replace, when started with `firstLogin: 'leave'`; otherwise the one startCang replaced it with.
   */
  readonly adminPassword: string | undefined;
  /** The password printed on the first start, before any change. */
  readonly printedPassword: string | undefined;
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

/** What a test's first start does with the printed administrator password. */
export interface StartOptions {
  /**
   * `change` (the default): replaces it through the admin API, as the first login must, so that tests log
   * in as on any later day; `leave`: keeps it, for a test that goes through that first login itself.
   */
  readonly firstLogin?: 'change' | 'leave';
  /**
   * Runs it in a process group of its own, and `kill` signals the whole group, so that a SIGKILL leaves
   * nothing of it behind.
   */
  readonly processGroup?: boolean;
}

/** The password startCang gives the first administrator in place of the printed one. */
export function changedPassword(printed: string): string {
  return `${printed}-đã-đổi`;
}

/**
 * Makes the first administrator's first login: logs in with the printed password and changes it, as the
 * admin API requires before anything else. Returns the new password.
 */
export async function changeFirstPassword(adminUrl: string, printed: string): Promise<string> {
  const login = await fetch(`${adminUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: printed }),
  });
  if (login.status !== 200) throw new Error(`first login failed with ${login.status}: ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const password = changedPassword(printed);
  const changed = await fetch(`${adminUrl}/api/v1/users/me/password`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-requested-with': 'cang-console' },
    body: JSON.stringify({ currentPassword: printed, newPassword: password }),
  });
  if (changed.status !== 204) throw new Error(`first password change failed with ${changed.status}`);
  await fetch(`${adminUrl}/api/v1/session`, {
    method: 'DELETE',
    headers: { cookie, 'x-requested-with': 'cang-console' },
  });
  return password;
}

/**
 * Starts `cang start` and resolves once it has printed its URLs (it prints them when listening).
 * `launcher` is the checkout's bin/cang.js unless given (a compiled build's copy, say). On the first start
 * the printed administrator password is changed unless `options.firstLogin` is `leave`.
 */
export async function startCang(
  dataDir: string,
  extra: Record<string, string> = {},
  launcher = CANG,
  options: StartOptions = {},
): Promise<CangProcess> {
  const child = spawn(process.execPath, [launcher, 'start'], {
    env: cangEnv(dataDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup === true,
  });
  const signal = (name: NodeJS.Signals): void => {
    if (options.processGroup !== true || child.pid === undefined) {
      child.kill(name);
      return;
    }
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const found: { admin?: string; exchange?: string; password?: string } = {};
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      fail(new Error(`cang start printed no URLs:\n${output.join('')}`));
    }, 60_000);
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
  const changeIt =
    found.password !== undefined && found.admin !== undefined && options.firstLogin !== 'leave';
  let adminPassword = found.password;
  try {
    if (changeIt) adminPassword = await changeFirstPassword(found.admin!, found.password!);
  } catch (error) {
    signal('SIGKILL');
    throw error;
  }
  return {
    child,
    adminUrl: found.admin!,
    exchangeUrl: found.exchange!,
    adminPassword,
    printedPassword: found.password,
    output,
    kill: (name = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        signal(name);
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
