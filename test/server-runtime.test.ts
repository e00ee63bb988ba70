import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CangProcess, startCang } from './support/cang-process.js';

const SERVER_RUNTIME: { nodeFlags: string[]; env: Record<string, string> } = JSON.parse(
  readFileSync(new URL('../bin/server-runtime.json', import.meta.url), 'utf8'),
);
const SERVER_NODE_FLAGS = SERVER_RUNTIME.nodeFlags;

/** The command line the kernel shows for a process: what its Node.js was started with. */
const commandLine = (pid: number): string[] =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
/** A process's environment as the kernel shows it. */
const environment = (pid: number): string[] =>
  readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);

describe('cang start sizes its memory for a server', () => {
  let dataDir = '';
  let cang: CangProcess | undefined;
  afterEach(async () => {
    await cang?.kill();
    cang = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the server, in the process it was started as, with the flags and environment of bin/server-runtime.json', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-flags-'));
    cang = await startCang(dataDir, { CANG_SEED_SAMPLE: 'false' });
    const args = commandLine(cang.child.pid!);
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of SERVER_NODE_FLAGS) expect(args).toContain(flag);
    const env = environment(cang.child.pid!);
    for (const [name, value] of Object.entries(SERVER_RUNTIME.env)) expect(env).toContain(`${name}=${value}`);
    const ready = await fetch(`${cang.exchangeUrl}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it("keeps an operator's own choice of those flags and variables", async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-flags-'));
    const own = SERVER_NODE_FLAGS.map((flag) => `${flag.split('=')[0]}=32`);
    cang = await startCang(dataDir, {
      CANG_SEED_SAMPLE: 'false',
      NODE_OPTIONS: own.join(' '),
      ...Object.fromEntries(Object.keys(SERVER_RUNTIME.env).map((name) => [name, '1'])),
    });
    const args = commandLine(cang.child.pid!);
    for (const flag of SERVER_NODE_FLAGS) expect(args).not.toContain(flag);
    const env = environment(cang.child.pid!);
    for (const name of Object.keys(SERVER_RUNTIME.env)) expect(env).toContain(`${name}=1`);
  });
});
