import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch, type Response } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { waitUntil } from './support/wait-until.js';

const PROVIDER_SYSTEM = 'VN-HP/GOV/11383/HTTT-HOTICH';
const SERVICE = `${PROVIDER_SYSTEM}/tra-cuu`;
const CLIENT = 'VN-HP/GOV/STP/HTTT-LLTP';

// A new connection per call, as curl in the tour makes: the synchronous CLI runs block this process, so a
// kept-alive connection could be closed by the server's idle timeout unnoticed and fail the next call.
const freshConnections = new Agent({ pipelining: 0 });
const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, dispatcher: freshConnections });

/** Runs a `cang` command in its own process, as an operator does beside `cang start`; it must succeed. */
function cang(dataDir: string, args: readonly string[]): string {
  const result = runCang(dataDir, args);
  expect(result.status, `cang ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

async function expectRefusal(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-cang-error')).toBe(code);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
}

/**
 * README's "A short tour" step by step: `cang start` in one process, the registry changed with `cang`
 * commands in others. Each change reaches the running exchange without a restart: a new system, service,
 * credential and grant let the call through; disabling the service, deleting the grant and revoking the
 * credential refuse it, each with its own problem code.
 */
describe('the README tour against a running cang start', () => {
  let dataDir = '';
  let provider: Server;
  let providerUrl = '';
  const providerPaths: string[] = [];
  let running: CangProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-tour-'));
    provider = createServer((req, res) => {
      providerPaths.push(req.url ?? '');
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"household":"HP-305-000123"}');
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await running?.kill();
    await freshConnections.close();
    provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves what the CLI registers and refuses what it withdraws, without a restart', async () => {
    // 1. `npm start`: Cảng on a fresh data directory with the sample organisations.
    running = await startCang(dataDir);
    const exchangeUrl = running.exchangeUrl;
    const configVersion = async () => {
      const ready = await get(`${exchangeUrl}/health/ready`);
      expect(ready.status).toBe(200);
      return ((await ready.json()) as { configVersion: number }).configVersion;
    };
    const versionAtStart = await configVersion();

    // 1b. Call a sample service at once, with a sample client's token from the tokens file.
    const tokensFile = JSON.parse(readFileSync(join(dataDir, 'sample-tokens.json'), 'utf8')) as {
      clients: { system: string; token: string }[];
    };
    const sampleClient = tokensFile.clients[0]!;
    expect(sampleClient.system).toBe('VN-HP/GOV/11329/HTTT-MOTCUA');
    const sampleAnswer = await get(
      `${exchangeUrl}/r1/VN-HP/GOV/11383/HTTT-CUTRU/tra-cuu-ho-gia-dinh/households/HP-305-000123`,
      {
        'x-cang-client': sampleClient.system,
        authorization: `Bearer ${sampleClient.token}`,
        'x-cang-purpose': 'MAU-MINH-HOA',
        'x-cang-subject': '031999000101',
      },
    );
    expect(sampleAnswer.status).toBe(200);
    expect(await sampleAnswer.json()).toMatchObject({ maHo: 'HP-305-000123', chuHo: 'Nguyễn Văn An' });

    // 2. Register a service and let another organisation's system call it, each command its own process.
    cang(dataDir, ['system', 'create', 'VN-HP/GOV/11383', 'HTTT-HOTICH', 'Hệ thống hộ tịch phường Lê Chân']);
    cang(dataDir, ['service', 'create', PROVIDER_SYSTEM, 'tra-cuu', 'Tra cứu hộ gia đình', providerUrl]);
    cang(dataDir, ['system', 'create', 'VN-HP/GOV/STP', 'HTTT-LLTP', 'Hệ thống lý lịch tư pháp']);
    const issued = cang(dataDir, ['credential', 'issue', CLIENT]);
    const token = issued.trim().split('\n').at(-1)!;
    expect(issued).toContain('shown once');
    const granted = cang(dataDir, [
      'grant',
      'create',
      CLIENT,
      SERVICE,
      '--method',
      'GET',
      '--path',
      '/households/*',
    ]);
    const grantId = /\(grant (\S+)\)/.exec(granted)?.[1];
    expect(grantId).toBeDefined();

    // 3. Call it through the exchange, which was running all along: it answers once the change reaches it.
    const call = () =>
      get(`${exchangeUrl}/r1/${SERVICE}/households/HP-305-000123`, {
        'x-cang-client': CLIENT,
        authorization: `Bearer ${token}`,
      });
    const waitForStatus = (status: number) =>
      waitUntil(async () => (await call()).status === status, `the exchange answers ${status}`, {
        everyMs: 100,
      });
    await waitForStatus(200);
    const served = await call();
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ household: 'HP-305-000123' });
    expect(providerPaths).toContain('/households/HP-305-000123');
    // Readiness and metrics report the configuration the exchange now runs from.
    const versionServed = await configVersion();
    expect(versionServed).toBeGreaterThan(versionAtStart);
    const metrics = await (await get(`${exchangeUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^cang_exchange_config_version ${versionServed}$`, 'm'));

    // 4. Disable the service: 503 service-disabled; enable it: served again.
    cang(dataDir, ['service', 'disable', SERVICE]);
    await waitForStatus(503);
    await expectRefusal(await call(), 503, 'service-disabled');
    cang(dataDir, ['service', 'enable', SERVICE]);
    await waitForStatus(200);

    // 5. Delete the grant: 403 access-denied.
    cang(dataDir, ['grant', 'delete', grantId!]);
    await waitForStatus(403);
    await expectRefusal(await call(), 403, 'access-denied');

    // 6. Revoke the credential: the token no longer authenticates, 401 client-auth-failed.
    const credentials = JSON.parse(cang(dataDir, ['credential', 'list', CLIENT, '--json'])) as {
      id: string;
    }[];
    expect(credentials).toHaveLength(1);
    cang(dataDir, ['credential', 'revoke', CLIENT, credentials[0]!.id]);
    await waitForStatus(401);
    await expectRefusal(await call(), 401, 'client-auth-failed');

    // 7. Prove what happened: the chain and every seal hold, refused calls included.
    expect(cang(dataDir, ['log', 'verify'])).toMatch(/^OK: .* verified/);
  }, 300_000);
});
