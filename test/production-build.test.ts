import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStrayJavaScript } from '../scripts/check-stray-javascript.js';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { waitUntil } from './support/wait-until.js';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const CONSOLE_MARKER = '<title>console served beside dist</title>';
// No loader from the test runner's environment: the compiled build must run on plain Node.js.
const PLAIN_NODE = { NODE_OPTIONS: '', CANG_SEED_SAMPLE: 'false' };

/**
 * Lays out an installation as `npm ci && npm run build && npm prune --omit=dev` leaves it: package.json,
 * bin/, dist/ (compiled here, never in the checkout) and the production dependencies only. No src/ and no
 * tsx, so bin/cang.js can only run dist/. The dependencies are links into the checkout's node_modules; Node
 * follows them to the real path, where their own dependencies resolve.
 */
async function installBuild(into: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [TSC, '-p', 'tsconfig.build.json', '--outDir', join(into, 'dist')],
    { cwd: ROOT },
  );
  cpSync(join(ROOT, 'package.json'), join(into, 'package.json'));
  cpSync(join(ROOT, 'bin'), join(into, 'bin'), { recursive: true });
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const link = join(into, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
  // Stands in for the built console (npm run build:console), looked up relative to dist/server.js.
  mkdirSync(join(into, 'console/dist'), { recursive: true });
  writeFileSync(join(into, 'console/dist/index.html'), `<!doctype html>${CONSOLE_MARKER}`);
}

/** `cang start` from the compiled build, on plain Node.js, as production runs it. */
describe('the production build', () => {
  let installed = '';
  let dataDir = '';
  let cang: CangProcess | undefined;
  const launcher = () => join(installed, 'bin/cang.js');

  beforeAll(async () => {
    installed = mkdtempSync(join(tmpdir(), 'cang-production-'));
    dataDir = join(installed, 'data');
    await installBuild(installed);
    cang = await startCang(dataDir, PLAIN_NODE, launcher());
  }, 300_000);
  afterAll(async () => {
    await cang?.kill('SIGKILL');
    rmSync(installed, { recursive: true, force: true });
  });

  it('compiles src/ alone into dist/: JavaScript, the seed data, no test code, nothing beside the sources', () => {
    const dist = join(installed, 'dist');
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
    expect(files).toContain('main.js');
    expect(files).toContain(join('exchange/log/sqlite-commit-thread.js'));
    expect(files).toContain(join('core/haiphong-units.json'));
    expect(files.filter((f) => !/\.(js|json)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.test\.js$|test-support/.test(f))).toEqual([]);
    expect(findStrayJavaScript(ROOT)).toEqual([]);
  });

  it('has no tsx to run sources with, and no sources', () => {
    expect(() => createRequire(launcher()).resolve('tsx')).toThrow();
    expect(existsSync(join(installed, 'src'))).toBe(false);
  });

  it('answers readiness on the exchange and the admin API, and serves the console beside dist/', async () => {
    await waitUntil(
      async () => (await fetch(`${cang!.exchangeUrl}/health/ready`)).ok,
      'the exchange is ready',
    );
    const admin = await fetch(`${cang!.adminUrl}/health/ready`);
    expect(await admin.json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${cang!.adminUrl}/`)).text()).toContain(CONSOLE_MARKER);
  });

  it('logs a refused call through the compiled commit worker thread, and the log verifies', async () => {
    // The refusal is answered only once the worker has committed its log entry (durable before answer).
    const refused = await fetch(`${cang!.exchangeUrl}/r1/VN-HP/GOV/STP/HOTICH/tra-cuu/records`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('client-auth-failed');
    await cang!.kill();
    const verified = runCang(dataDir, ['log', 'verify'], PLAIN_NODE, launcher());
    expect(verified.stdout).toContain('OK: the transaction log verified — 1 entries');
    expect(verified.status).toBe(0);
  });
});
