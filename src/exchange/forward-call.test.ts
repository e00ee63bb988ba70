import { randomBytes } from 'node:crypto';
import { type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sha256Base64url } from '../core/index.js';
import { computeRequestHash } from './request-hash.js';
import {
  type ExchangeHarness,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';
import {
  buildGrant,
  buildService,
  buildSnapshot,
  CLIENT,
  CLIENT_TOKEN,
  PROVIDER,
  SERVICE,
} from './test-support/snapshot-factory.js';

const SMALL = `${PROVIDER}/small`;
const SLOW = `${PROVIDER}/slow`;
const RESET = `${PROVIDER}/reset`;
const DOWN = `${PROVIDER}/down`;
const EARLY = `${PROVIDER}/early`;
const LOGGED = `${PROVIDER}/logged`;

let echo: TestProvider;
let slow: TestProvider;
let reset: TestProvider;
let early: TestProvider;
let harness: ExchangeHarness;
/** Settled once the early provider has sent its whole answer. */
let earlyAnswered = deferred();

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  echo = await startProvider((request, res) => {
    res.writeHead(201, {
      'content-type': 'application/octet-stream',
      'x-provider': 'echo',
      'x-cang-error': 'access-denied',
      'keep-alive': 'timeout=99',
    });
    res.end(request.body);
  });
  slow = await startProvider(() => {}, { raw: true });
  reset = await startProvider((_request, _res, req) => req.socket.destroy(), { raw: true });
  early = await startProvider(
    (_request, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('early', () => earlyAnswered.resolve());
    },
    { raw: true },
  );
  const services = [
    buildService({ baseUrl: echo.baseUrl }),
    buildService({ id: SMALL, baseUrl: echo.baseUrl, maxBodyBytes: 1000 }),
    buildService({ id: SLOW, baseUrl: slow.baseUrl, timeoutMs: 200 }),
    buildService({ id: RESET, baseUrl: reset.baseUrl }),
    buildService({ id: DOWN, baseUrl: `http://127.0.0.1:${await closedPort()}` }),
    buildService({ id: EARLY, baseUrl: early.baseUrl }),
    buildService({ id: LOGGED, baseUrl: echo.baseUrl, logBodies: true }),
  ];
  harness = await startExchange(
    buildSnapshot({ services, grants: services.map((s) => buildGrant({ id: s.id, service: s.id })) }),
  );
});

afterAll(async () => {
  await harness.close();
  for (const provider of [echo, slow, reset, early]) await provider.close();
});

function recordOf(id: unknown) {
  return harness.log.records.find((record) => record.id === id);
}

describe('forwarding', () => {
  it('strips hop-by-hop headers and the credential, adds X-Cang-* and passes traceparent on', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = httpRequest(`${harness.origin}/r1/${SERVICE}/households/12?full=1`, {
          method: 'POST',
          agent: false,
          headers: {
            'x-cang-client': CLIENT,
            authorization: `Bearer ${CLIENT_TOKEN}`,
            'x-cang-subject': '031099001234',
            'x-cang-user': 'cb.nguyen',
            'x-cang-purpose': 'TTHC-1.0012',
            'x-cang-id': 'forged',
            connection: 'keep-alive, x-hop',
            'x-hop': 'secret',
            'keep-alive': 'timeout=5',
            te: 'trailers',
            'proxy-authorization': 'Basic eA==',
            'x-end-to-end': 'kept',
            traceparent,
          },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
        });
        req.on('error', reject);
        req.end('hello');
      },
    );
    expect(answer.status).toBe(201);
    const received = echo.received.at(-1)!;
    expect(received.url).toBe('/api/households/12?full=1');
    expect(received.headers).not.toHaveProperty('authorization');
    expect(received.headers).not.toHaveProperty('x-cang-subject');
    expect(received.headers).not.toHaveProperty('x-hop');
    expect(received.headers).not.toHaveProperty('te');
    expect(received.headers).not.toHaveProperty('proxy-authorization');
    expect(received.headers).toMatchObject({
      'x-cang-id': answer.headers['x-cang-id'],
      'x-cang-client': CLIENT,
      'x-cang-user': 'cb.nguyen',
      'x-cang-purpose': 'TTHC-1.0012',
      'x-end-to-end': 'kept',
      traceparent,
    });
    expect(answer.headers['x-provider']).toBe('echo');
    expect(answer.headers).not.toHaveProperty('x-cang-error');
    expect(answer.headers['keep-alive']).not.toBe('timeout=99');
  });

  it('starts a trace when none is given', async () => {
    await harness.call('GET', `/r1/${SERVICE}/x`);
    expect(echo.received.at(-1)!.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('streams a 5 MB body both ways intact and binds it with X-Cang-Request-Hash', async () => {
    const body = randomBytes(5 * 1024 * 1024);
    const result = await harness.call('PUT', `/r1/${SERVICE}/files/1?v=2`, { body });
    expect(result.status).toBe(201);
    expect(result.body.equals(body)).toBe(true);
    const id = result.headers['x-cang-id'] as string;
    const bodyHash = sha256Base64url(body);
    expect(result.headers['x-cang-request-hash']).toBe(
      computeRequestHash(id, CLIENT, SERVICE, 'PUT', '/files/1', 'v=2', bodyHash),
    );
    expect(recordOf(id)).toMatchObject({
      clientId: CLIENT,
      serviceId: SERVICE,
      method: 'PUT',
      path: '/files/1',
      query: 'v=2',
      status: 201,
      errorCode: null,
      requestBytes: body.length,
      responseBytes: body.length,
      requestBodyHash: bodyHash,
      responseBodyHash: bodyHash,
      requestHash: result.headers['x-cang-request-hash'],
    });
    expect(recordOf(id)).not.toHaveProperty('bodies');
  });

  it('logs bodies only for a service that asks for them', async () => {
    const result = await harness.call('POST', `/r1/${LOGGED}/x`, { body: 'ping' });
    expect(recordOf(result.headers['x-cang-id'])?.bodies).toEqual({
      request: Buffer.from('ping'),
      response: Buffer.from('ping'),
      requestTruncated: false,
      responseTruncated: false,
    });
  });

  it('waits for the request body before answering when the provider answers early', async () => {
    earlyAnswered = deferred();
    async function* slowBody() {
      yield Buffer.from('part one;');
      // The rest of the body is sent only once the provider has answered in full.
      await earlyAnswered.promise;
      yield Buffer.from('part two');
    }
    const result = await harness.call('POST', `/r1/${EARLY}/x`, { body: slowBody() });
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe('early');
    const id = result.headers['x-cang-id'] as string;
    const record = recordOf(id);
    expect(record?.requestHash).toBe(result.headers['x-cang-request-hash']);
  });
});

/** The exchange's own response objects from now on, each with the body chunks written to it so far. */
function watchResponses(): { res: ServerResponse; written: Buffer[] }[] {
  const seen: { res: ServerResponse; written: Buffer[] }[] = [];
  const server = harness.exchange.server as Server;
  const listener = (_req: IncomingMessage, res: ServerResponse) => {
    const written: Buffer[] = [];
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(Buffer.from(chunk as Buffer));
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    seen.push({ res, written });
  };
  server.on('request', listener);
  onTestFinished(() => {
    server.off('request', listener);
  });
  return seen;
}

describe('durable before answer', () => {
  it('does not complete the answer before the log append resolved', async () => {
    const responses = watchResponses();
    const release = harness.log.hold();
    const offered = harness.log.offered.length;
    const pending = harness.call('POST', `/r1/${SERVICE}/x`, { body: 'payload' });
    // 1. The record is offered once the provider's answer has ended: only the commit is outstanding.
    await harness.log.waitFor(offered + 1);
    // 2. Until then the answer is neither ended nor complete: its last chunk is held back.
    expect(responses).toHaveLength(1);
    expect(responses[0]!.res.writableEnded).toBe(false);
    expect(Buffer.concat(responses[0]!.written).toString()).toBe('');
    release();
    const result = await pending;
    expect(result.status).toBe(201);
    expect(result.body.toString()).toBe('payload');
    expect(harness.log.records.map((r) => r.id)).toContain(result.headers['x-cang-id']);
  });

  it('holds back refusals until the log append resolved, then answers them with their problem', async () => {
    const responses = watchResponses();
    const release = harness.log.hold();
    const offered = harness.log.offered.length;
    const received = echo.received.length;
    const pending = harness.call('GET', `/r1/${PROVIDER}/unknown/x`);
    await harness.log.waitFor(offered + 1);
    expect(responses).toHaveLength(1);
    expect(responses[0]!.res.headersSent).toBe(false);
    release();
    const result = await pending;
    expectRefusal(result, 404, 'service-unknown');
    expect(harness.log.records.find((r) => r.id === result.headers['x-cang-id'])).toMatchObject({
      status: 404,
      errorCode: 'service-unknown',
    });
    expect(echo.received.length).toBe(received);
  });

  it('destroys the connection when the append fails, and commits nothing', async () => {
    harness.log.failNext();
    const committed = harness.log.records.length;
    await expect(harness.call('GET', `/r1/${SERVICE}/x`)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(harness.log.records.length).toBe(committed);
  });
});

describe('provider failures and limits, from the caller', () => {
  it('refuses a Content-Length over the limit with 413 before forwarding', async () => {
    const before = echo.received.length;
    const result = await harness.call('POST', `/r1/${SMALL}/x`, { body: Buffer.alloc(2000) });
    expectRefusal(result, 413, 'payload-too-large');
    expect(echo.received.length).toBe(before);
  });

  it('aborts a chunked body over the limit with 413', async () => {
    async function* chunked() {
      for (let i = 0; i < 4; i++) yield Buffer.alloc(400);
    }
    const result = await harness.call('POST', `/r1/${SMALL}/x`, { body: chunked() });
    expectRefusal(result, 413, 'payload-too-large');
    const record = recordOf(result.headers['x-cang-id']);
    expect(record).toMatchObject({ status: 413, errorCode: 'payload-too-large' });
  });

  it('answers 502 provider-unreachable when the provider is down', async () => {
    const result = await harness.call('GET', `/r1/${DOWN}/x`);
    expectRefusal(result, 502, 'provider-unreachable');
    expect(recordOf(result.headers['x-cang-id'])).toMatchObject({
      status: 502,
      errorCode: 'provider-unreachable',
    });
  });

  it('answers 502 provider-unreachable when the provider resets the connection', async () => {
    const result = await harness.call('GET', `/r1/${RESET}/x`);
    expectRefusal(result, 502, 'provider-unreachable');
    expect(result.body.toString()).not.toMatch(/ECONNRESET|socket|undici/i);
  });

  it('answers 504 provider-timeout when the provider is slow', async () => {
    const result = await harness.call('GET', `/r1/${SLOW}/x`);
    expectRefusal(result, 504, 'provider-timeout');
  });
});
