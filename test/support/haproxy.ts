import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './wait-until.js';

/** Debian's haproxy package puts it here (.ci/run installs it when missing). */
export const HAPROXY = '/usr/sbin/haproxy';

/** The response header in which the balancer names the node that answered (its server name). */
export const ANSWERED_BY = 'x-balanced-to';

/** A node behind the balancer: its server name and its exchange URL. */
export interface Backend {
  readonly name: string;
  readonly url: string;
}

/** A running HAProxy in front of exchange nodes. */
export interface Haproxy {
  /** Where the exchange is reached through the balancer. */
  readonly url: string;
  /** The configuration it runs with, as written to its file. */
  readonly config: string;
  /** Its process id (the one that serves: it runs in the foreground), e.g. to count its CPU time. */
  readonly pid: number;
  /** Stops it and waits for it to exit, then deletes its folder. */
  stop(): Promise<void>;
}

/**
 * The configuration of docs/operator-guide.md ("Production layout"): round robin over the exchange nodes,
 * each checked with `GET /health/ready` twice a second, out after two failed checks, back after one good
 * one. A call whose connection to a node fails goes to another node (`option redispatch`), which is safe
 * because no node has forwarded a call it could not connect for.
 */
export function haproxyConfig(port: number, backends: readonly Backend[]): string {
  const servers = backends.map((b) => {
    const { hostname, port: nodePort } = new URL(b.url);
    return `  server ${b.name} ${hostname}:${nodePort} check`;
  });
  return [
    'global',
    '  maxconn 512',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  retries 2',
    '  option redispatch',
    '',
    'frontend exchange',
    `  bind 127.0.0.1:${port}`,
    '  default_backend exchange_nodes',
    '',
    'backend exchange_nodes',
    '  balance roundrobin',
    '  option httpchk GET /health/ready',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 1',
    `  http-response set-header ${ANSWERED_BY} %s`,
    ...servers,
    '',
  ].join('\n');
}

/**
 * Starts Debian's haproxy in the foreground with a generated configuration in a temporary folder, on a
 * free loopback port, and resolves once it accepts connections. It runs in a process group of its own,
 * which `stop` ends.
 */
export async function startHaproxy(backends: readonly Backend[]): Promise<Haproxy> {
  if (!existsSync(HAPROXY)) throw new Error(`${HAPROXY} is missing: apt-get install haproxy (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'cang-haproxy-'));
  const port = await freePort();
  const config = haproxyConfig(port, backends);
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const output: string[] = [];
  // -db: stay in the foreground; -W is not used, so the process is the one that serves.
  const child = spawn(HAPROXY, ['-db', '-f', file], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`haproxy exited with ${child.exitCode}:\n${output.join('')}`);
        return accepts(port);
      },
      'haproxy accepts connections',
      { timeoutMs: 10_000, everyMs: 50 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, config, pid: child.pid!, stop };
}

/** Sends a signal to a child's whole process group (it was spawned detached); quiet when it is gone. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
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
