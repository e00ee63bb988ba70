import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { waitUntil } from './support/wait-until.js';

/**
 * Nothing lost: every transaction whose answer reached the client is in the log after the process is
 * killed with SIGKILL mid-load, and the chain still verifies after a restart.
 */
describe('crash recovery', () => {
  let dataDir = '';
  let provider: Server;
  let providerUrl = '';
  let cang: CangProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-crash-'));
    chmodSync(dataDir, 0o700);
    provider = createServer((req, res) => {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ maHo: req.url, chuHo: 'Nguyễn Văn An' }));
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await cang?.kill('SIGKILL');
    provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every answered transaction through a SIGKILL and verifies after restart', async () => {
    // 1. First start: the administrator's password is printed once; log in with it.
    cang = await startCang(dataDir);
    expect(cang.adminPassword).toMatch(/^\S{16,}$/);
    const login = await fetch(`${cang.adminUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: cang.adminPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const admin = async (path: string, body: unknown) => {
      const response = await fetch(`${cang!.adminUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'cang-console' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };

    // 2. Register a provider service of Phường Lê Chân and a client system of Sở Tư pháp (seeded organisations).
    await admin('/organisations/VN-HP/GOV/11383/systems', {
      code: 'HTTT-HOTICH',
      name: 'Hộ tịch Lê Chân',
    });
    const service = (await admin('/organisations/VN-HP/GOV/11383/systems/HTTT-HOTICH/services', {
      code: 'tra-cuu',
      name: 'Tra cứu hộ gia đình',
      baseUrl: providerUrl,
    })) as { id: string };
    await admin('/organisations/VN-HP/GOV/STP/systems', { code: 'HTTT-LLTP', name: 'Lý lịch tư pháp' });
    const client = 'VN-HP/GOV/STP/HTTT-LLTP';
    const { token } = (await admin('/organisations/VN-HP/GOV/STP/systems/HTTT-LLTP/credentials', {})) as {
      token: string;
    };
    await admin('/grants', { client, service: service.id });

    // 3. Drive load from 16 concurrent callers; remember the id of every answer read in full.
    const answered: string[] = [];
    let killed = false;
    const call = async (i: number) => {
      const response = await fetch(`${cang!.exchangeUrl}/r1/${service.id}/households/${i}`, {
        headers: { 'x-cang-client': client, authorization: `Bearer ${token}` },
      });
      await response.text(); // the answer is complete only once its body has ended
      return response;
    };
    await waitUntil(async () => (await call(0)).status === 200, 'the grant is served');
    const callers = Array.from({ length: 16 }, async (_, caller) => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await call(caller * 100_000 + i);
          expect(response.status).toBe(200);
          answered.push(response.headers.get('x-cang-id')!);
        } catch (error) {
          // Only the kill may end a call; any other failure fails the test.
          if (killed) return;
          throw error;
        }
      }
    });

    // 4. Kill it mid-load, once a good number of answers are in, without any chance to flush.
    const loaded = waitUntil(() => answered.length >= 200, '200 calls were answered', { timeoutMs: 60_000 });
    await Promise.race([loaded, Promise.all(callers)]);
    killed = true;
    await cang.kill('SIGKILL');
    await Promise.all(callers);

    // 5. Every answered transaction is in the log.
    const sqlite = new DatabaseSync(join(dataDir, 'cang.sqlite'), { readOnly: true });
    const logged = new Set(
      (sqlite.prepare('SELECT id FROM log_entries').all() as unknown as { id: string }[]).map(
        (row) => row.id,
      ),
    );
    sqlite.close();
    const missing = answered.filter((id) => !logged.has(id));
    expect(missing).toEqual([]);

    // 6. Restart: no new password, the chain continues, and it verifies.
    cang = await startCang(dataDir);
    expect(cang.adminPassword).toBeUndefined();
    await waitUntil(async () => (await call(1)).status === 200, 'the restarted node serves the grant');
    await cang.kill('SIGTERM');
    const verify = runCang(dataDir, ['log', 'verify']);
    expect(verify.stdout + verify.stderr).toContain('OK: the transaction log verified');
    expect(verify.status).toBe(0);
  }, 120_000);
});
