import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'undici';
import type { ConfigSnapshot } from '../../registry/index.js';
import { createExchange, type Exchange, type ExchangeDeps } from '../create-exchange.js';
import { createMemorySnapshotSource, type MemorySnapshotSource } from '../memory-snapshot-source.js';
import { CLIENT, CLIENT_TOKEN } from './snapshot-factory.js';
import { createMemoryTransactionLog, type MemoryTransactionLog } from './memory-transaction-log.js';

/** An answer as the consumer saw it. */
export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  json(): unknown;
}

/** A running exchange on a loopback port with an in-memory log and snapshot. */
export interface ExchangeHarness {
  readonly exchange: Exchange;
  readonly log: MemoryTransactionLog;
  readonly snapshots: MemorySnapshotSource;
  readonly origin: string;
  /** Calls the exchange as CLIENT with its token unless headers say otherwise (`null` removes one). */
  call: ExchangeCaller['call'];
  close(): Promise<void>;
}

/** What a test may change in a call: headers (`null` removes a default one) and the body. */
export interface CallOptions {
  readonly headers?: Record<string, string | null>;
  readonly body?: string | Buffer | AsyncIterable<Buffer>;
}

/** Calls an exchange port as CLIENT with its token, over one keep-alive connection. */
export interface ExchangeCaller {
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

/** Opens a connection to the exchange at `origin` for a test's calls. */
export function createExchangeCaller(origin: string): ExchangeCaller {
  const client = new Client(origin, { pipelining: 0 });
  return {
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {
        'x-cang-client': CLIENT,
        authorization: `Bearer ${CLIENT_TOKEN}`,
      };
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        if (value === null) delete headers[name];
        else headers[name] = value;
      }
      const response = await client.request({
        path,
        method,
        headers,
        body: (options.body ?? null) as string | Buffer | null,
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      return {
        status: response.statusCode,
        headers: response.headers,
        body,
        json: () => JSON.parse(body.toString('utf8')),
      };
    },
    close: () => client.close(),
  };
}

/** Starts a listening server on 127.0.0.1 and returns its origin. */
export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts an exchange over a real loopback socket; `deps.now`, when given, is its clock and the snapshot's. */
export async function startExchange(
  snapshot: ConfigSnapshot,
  deps: Partial<ExchangeDeps> = {},
): Promise<ExchangeHarness> {
  const log = createMemoryTransactionLog();
  // The snapshot expires on the exchange's clock, so a test that moves `deps.now` moves both.
  const snapshots = createMemorySnapshotSource(deps.now);
  snapshots.set(snapshot);
  const exchange = createExchange({
    nodeId: 'node-1',
    instance: 'VN-HP',
    snapshots,
    log,
    subjectHashKey: 'subject-hash-key-for-tests',
    // Test providers run on loopback beside the exchange, as in the all-in-one development setup.
    outbound: { allowLoopback: true },
    ...deps,
  });
  const origin = await listen(exchange.server as Server);
  const caller = createExchangeCaller(origin);
  return {
    exchange,
    log,
    snapshots,
    origin,
    call: caller.call,
    async close() {
      await caller.close();
      await exchange.close();
    },
  };
}

/** What a test provider received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/** A real node:http provider; the handler answers after the body was read unless `raw` is set. */
export interface TestProvider {
  readonly baseUrl: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a provider that records each request and answers with `handler`. */
export async function startProvider(
  handler: (request: ReceivedRequest, res: ServerResponse, req: IncomingMessage) => void = (_r, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  },
  options: { raw?: boolean } = {},
): Promise<TestProvider> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    if (options.raw) {
      handler({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.alloc(0) }, res, req);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      handler(request, res, req);
    });
  });
  const origin = await listen(server);
  return {
    baseUrl: `${origin}/api`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
