import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, runCang, startCang } from './support/cang-process.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './support/embedded-postgres.js';
import { ANSWERED_BY, type Haproxy, startHaproxy } from './support/haproxy.js';
import { waitUntil } from './support/wait-until.js';

const SUBJECT_KEY = 'subject-hash-key-shared-by-the-cluster';
const NODES = ['hp-node-1', 'hp-node-2', 'hp-node-3'] as const;
const CLIENTS = 4;
// Between two calls of one load client: a few dozen calls a second in all, modest on a small machine.
const PAUSE_MS = 60;
// No call may hang the test: every request has bounded waits for its headers and its body.
const agent = new Agent({ headersTimeout: 5_000, bodyTimeout: 5_000, connectTimeout: 2_000 });

/** One call's outcome as the caller saw it. */
interface Outcome {
  readonly status: number;
  readonly id: string | undefined;
  readonly node: string | undefined;
  readonly error: string | undefined;
}

async function callOnce(url: string, headers: Record<string, string>): Promise<Outcome> {
  try {
    const response = await request(url, { headers, dispatcher: agent });
    const body = await response.body.text();
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const error = header('x-cang-error') ?? (response.statusCode === 200 ? undefined : body.slice(0, 80));
    return { status: response.statusCode, id: header('x-cang-id'), node: header(ANSWERED_BY), error };
  } catch (cause) {
    // A connection closed or timed out: no answer reached the caller.
    return { status: 0, id: undefined, node: undefined, error: String(cause) };
  }
}

/** The sum of a counter's samples in a Prometheus text exposition, over the lines that contain `match`. */
function counter(text: string, name: string, match = ''): number {
  return text
    .split('\n')
    .filter((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && l.includes(match))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

/**
 * A production-shaped cluster on this test's own PostgreSQL: one admin node and three exchange nodes as
 * real processes behind Debian's HAProxy, under continuous load. One exchange node is killed and
 * restarted, PostgreSQL is restarted (the nodes refuse what they cannot log, then recover by themselves),
 * a grant is revoked; every answered transaction is in the chain of the node that answered it, every
 * chain verifies, and the revocation holds on every node after one poll.
 */
describe('a cluster of one admin node and three exchange nodes behind HAProxy', () => {
  let root = '';
  let postgres: EmbeddedPostgres;
  let provider: Server;
  let providerUrl = '';
  let providerHits = 0;
  let haproxy: Haproxy | undefined;
  let admin: CangProcess | undefined;
  const exchanges = new Map<string, CangProcess>();
  let nodeEnv: (node: string) => Record<string, string> = () => ({});

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cang-cluster-'));
    // Its own server: pausing it disturbs no other test.
    postgres = await startEmbeddedPostgres({ user: 'cang', password: 'cang-cluster' });
    provider = createServer((req, res) => {
      providerHits++;
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end('{"soGiayPhep":"123/GPXD","trangThai":"còn hiệu lực"}');
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
  }, 90_000);

  afterAll(async () => {
    await haproxy?.stop();
    for (const node of exchanges.values()) await node.kill('SIGKILL');
    await admin?.kill('SIGKILL');
    await agent.close();
    provider?.close();
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers only logged calls through a node crash, a database restart and a revocation', async () => {
    // 1. The admin node on PostgreSQL, and its registry key for the exchange nodes to pin.
    const shared = { CANG_DATABASE_URL: postgres.url, CANG_SUBJECT_HASH_KEY: SUBJECT_KEY };
    const adminDir = join(root, 'admin');
    admin = await startCang(adminDir, { ...shared, CANG_ROLE: 'admin' }, undefined, { processGroup: true });
    const keys = runCang(adminDir, ['keys'], shared);
    const registryKey = /Registry key \S+:\s+(\S+)/.exec(keys.stdout)?.[1];
    expect(registryKey, keys.stderr).toBeDefined();
    const adminUrl = admin.adminUrl;
    const login = await fetch(`${adminUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: admin.adminPassword }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${adminUrl}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          'x-requested-with': 'cang-console',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
      return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
    };

    // 2. Provider, client and grant through the admin API.
    await api('POST', '/organisations', { memberClass: 'GOV', code: 'SXD', name: 'Sở Xây dựng' });
    await api('POST', '/organisations', { memberClass: 'GOV', code: 'STC', name: 'Sở Tài chính' });
    await api('POST', '/organisations/VN-HP/GOV/SXD/systems', {
      code: 'HTTT-CPXD',
      name: 'Cấp phép xây dựng',
    });
    const service = await api('POST', '/organisations/VN-HP/GOV/SXD/systems/HTTT-CPXD/services', {
      code: 'tra-cuu-giay-phep',
      name: 'Tra cứu giấy phép xây dựng',
      baseUrl: providerUrl,
    });
    await api('POST', '/organisations/VN-HP/GOV/STC/systems', { code: 'HTTT-NS', name: 'Quản lý ngân sách' });
    const client = 'VN-HP/GOV/STC/HTTT-NS';
    const { token } = await api('POST', '/organisations/VN-HP/GOV/STC/systems/HTTT-NS/credentials', {});
    const grant = await api('POST', '/grants', { client, service: service.id });
    const headers = { 'x-cang-client': client, authorization: `Bearer ${token as string}` };
    const path = `/r1/${service.id as string}/giay-phep/123`;

    // 3. Three exchange nodes, each with its own data folder (node key) and chain, polling every second.
    nodeEnv = (node) => ({
      ...shared,
      CANG_ROLE: 'exchange',
      CANG_NODE_ID: node,
      CANG_REGISTRY_URL: `${adminUrl}/api/v1/config/snapshot`,
      CANG_REGISTRY_PUBLIC_KEY: registryKey!,
      CANG_CONFIG_POLL_SECONDS: '1',
      CANG_ALLOW_LOOPBACK_PROVIDERS: 'true',
    });
    const startNode = async (node: string) => {
      // The exchange port is fixed once chosen, so that a restarted node is where the balancer expects it.
      const previous = exchanges.get(node);
      const port = previous === undefined ? '0' : new URL(previous.exchangeUrl).port;
      const started = await startCang(
        join(root, node),
        { ...nodeEnv(node), CANG_EXCHANGE_PORT: port },
        undefined,
        { processGroup: true },
      );
      exchanges.set(node, started);
      return started;
    };
    for (const node of NODES) await startNode(node);
    const direct = (node: string) => callOnce(`${exchanges.get(node)!.exchangeUrl}${path}`, headers);
    for (const node of NODES) {
      await waitUntil(async () => (await direct(node)).status === 200, `${node} serves the grant`);
    }
    const metrics = async (node: string) => {
      const response = await request(`${exchanges.get(node)!.exchangeUrl}/metrics`, { dispatcher: agent });
      return response.body.text();
    };

    // 4. HAProxy in front of them, and the load: every answer that reached a caller is recorded.
    haproxy = await startHaproxy(NODES.map((name) => ({ name, url: exchanges.get(name)!.exchangeUrl })));
    const answered: Outcome[] = [];
    // The nodes' own refusals while the database was away, each with its transaction id.
    const refusedWhileAway: Outcome[] = [];
    const others = new Map<string, number>();
    let loading = true;
    const loadClient = async () => {
      while (loading) {
        const outcome = await callOnce(`${haproxy!.url}${path}`, headers);
        if (outcome.status === 200 && outcome.id !== undefined) answered.push(outcome);
        else {
          const kind = `${outcome.status} ${outcome.error ?? ''}`.slice(0, 60);
          others.set(kind, (others.get(kind) ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, loadClient));
    const answeredBy = (node: string, after = 0) =>
      answered.slice(after).filter((o) => o.node === node).length;
    try {
      await waitUntil(
        () => NODES.every((node) => answeredBy(node) >= 5),
        'every node answers calls through the balancer',
        { timeoutMs: 30_000 },
      );

      // 5. (a) SIGKILL one exchange node: the others keep answering; restarted, it serves again.
      const killed = 'hp-node-2';
      await exchanges.get(killed)!.kill('SIGKILL');
      const afterKill = answered.length;
      await waitUntil(() => answered.length - afterKill >= 20, 'the other nodes answer after the kill', {
        timeoutMs: 30_000,
      });
      await startNode(killed);
      const afterRestart = answered.length;
      await waitUntil(
        () => answeredBy(killed, afterRestart) >= 5,
        'the restarted node answers through the balancer again',
        { timeoutMs: 30_000 },
      );

      // 6. (b) Restart PostgreSQL under load. While it is away, each node asked directly (once the
      // balancer has marked them all down, it answers 503 itself) refuses with 503 log-store-unavailable,
      // before authorisation, counts the refusal, logs nothing and forwards nothing. Once the database is
      // back, every node serves again by itself, without a restart.
      const refusalsCounted = async (node: string) =>
        counter(await metrics(node), 'cang_exchange_requests_total', 'error_code="log-store-unavailable"');
      const awayAnswer = { status: 503, error: 'log-store-unavailable' };
      await postgres.pause();
      for (const node of NODES) {
        await waitUntil(
          async () => {
            const outcome = await direct(node);
            if (outcome.status === 503) refusedWhileAway.push(outcome);
            return outcome.status === awayAnswer.status && outcome.error === awayAnswer.error;
          },
          `${node} refuses with 503 log-store-unavailable while the database is away`,
          { timeoutMs: 30_000 },
        );
      }
      // Every node turns calls away now: from here on, none reaches the provider.
      const hitsWhileAway = providerHits;
      for (const node of NODES) {
        const counted = await refusalsCounted(node);
        const refused = await direct(node);
        const unauthenticated = await callOnce(`${exchanges.get(node)!.exchangeUrl}${path}`, {
          ...headers,
          authorization: 'Bearer sai-ma',
        });
        expect(refused, node).toMatchObject(awayAnswer);
        expect(unauthenticated, node).toMatchObject(awayAnswer);
        refusedWhileAway.push(refused, unauthenticated);
        expect(await refusalsCounted(node), node).toBeGreaterThanOrEqual(counted + 2);
      }
      expect(providerHits).toBe(hitsWhileAway);
      await postgres.resume();
      const afterResume = answered.length;
      for (const node of NODES) {
        await waitUntil(async () => (await direct(node)).status === 200, `${node} serves again`, {
          timeoutMs: 30_000,
        });
      }
      await waitUntil(
        () => NODES.every((node) => answeredBy(node, afterResume) >= 5),
        'every node answers through the balancer again after the database restart',
        { timeoutMs: 30_000 },
      );

      // 7. (c) Revoke the grant while the load runs. A poll counted now may have begun before the
      // revocation, so each node is waited for until two more polls finished (one begun after it).
      await api('DELETE', `/grants/${grant.id as string}`);
      const pollsAtRevocation = new Map<string, number>();
      for (const node of NODES) {
        pollsAtRevocation.set(node, counter(await metrics(node), 'cang_exchange_config_polls_total'));
      }
      for (const node of NODES) {
        await waitUntil(
          async () =>
            counter(await metrics(node), 'cang_exchange_config_polls_total') >=
            pollsAtRevocation.get(node)! + 2,
          `${node} polls the configuration after the revocation`,
          { timeoutMs: 30_000 },
        );
        const refused = await direct(node);
        expect(refused, node).toMatchObject({ status: 403, error: 'access-denied' });
      }
    } finally {
      loading = false;
      await load;
    }

    // 8. Every answered transaction is in the chain of the node that answered it, and no refusal is.
    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; node_id: string }>('SELECT id, node_id FROM log_entries');
      const stored = new Map(rows.map((r) => [r.id, r.node_id]));
      const missing = answered.filter((o) => stored.get(o.id!) !== o.node);
      expect(
        missing,
        `answered but not in the answering node's chain (others: ${JSON.stringify([...others])})`,
      ).toEqual([]);
      expect(answered.length).toBeGreaterThan(50);
      // A refusal while the database was away could not be logged, and was not: none is in any chain.
      expect(refusedWhileAway.every((o) => o.id !== undefined)).toBe(true);
      expect(refusedWhileAway.filter((o) => stored.has(o.id!))).toEqual([]);
    } finally {
      await db.end();
    }

    // 9. Every chain verifies, the restarted node's included.
    const verified = await api('POST', '/log/verify');
    expect(verified).toMatchObject({ ok: true });
    expect(verified.nodes).toEqual(expect.arrayContaining([...NODES]));
  }, 170_000);
});
