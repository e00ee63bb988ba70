import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/index.js';
import {
  type CallResult,
  type ExchangeHarness,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import {
  buildService,
  buildSnapshot,
  CLIENT,
  CLIENT_TOKEN,
  OTHER_CLIENT,
  OTHER_TOKEN,
  SERVICE,
} from './test-support/snapshot-factory.js';

/** The server errors the exchange documents; any other 5xx is a bug. */
const DOCUMENTED_5XX = new Set([502, 503, 504]);
const STACK_TRACE = /at .*\.(ts|js):\d+|node:internal/;

let provider: TestProvider;
let exchange: ExchangeHarness;
beforeAll(async () => {
  provider = await startProvider();
  exchange = await startExchange(
    buildSnapshot({ services: [buildService({ baseUrl: provider.baseUrl })] }),
    // Generated refusals would otherwise soon be answered as too-many-refusals instead of being checked.
    { refusalLimit: { burst: 0, perSecond: 1 } },
  );
});
afterAll(async () => {
  await exchange?.close();
  await provider?.close();
});

/** A path segment as an attacker writes one: dots, raw and broken %-encodings, unicode, long runs. */
const segment = fc.oneof(
  { weight: 12, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,12}$/) },
  fc.constantFrom(
    '.',
    '..',
    '%2e',
    '%2E%2E',
    '%2F',
    '%2f..',
    '%5C',
    '%00',
    '%',
    '%zz',
    '%C3%28',
    '%E1%BA',
    '~',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,16}$/),
  fc.string({ unit: fc.constantFrom('a', '.', '/', '%', '2', 'F'), minLength: 100, maxLength: 3000 }),
);

/** A request path: under the real service, under a made-up one, or anywhere at all. */
const requestPath = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(`/r1/${SERVICE}`) },
      fc.constant('/r1'),
      fc.array(segment, { maxLength: 6 }).map((parts) => `/r1/VN-HP/${parts.join('/')}`),
      fc.constant(''),
    ),
    fc.array(segment, { maxLength: 5 }),
    fc.option(fc.string({ maxLength: 30 }).map(encodeURIComponent), { nil: undefined }),
  )
  .map(([prefix, parts, query]) => `${prefix}/${parts.join('/')}${query === undefined ? '' : `?${query}`}`);

/** A header value the HTTP client sends: visible ASCII, tabs and obs-text, never starting or ending in space. */
const headerValue = fc.oneof(
  fc
    .string({
      unit: fc
        .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0xa0, max: 0xff }))
        .map((code) => String.fromCharCode(code)),
      maxLength: 200,
    })
    .map((value) => value.trim()),
  fc.string({ minLength: 1000, maxLength: 6000, unit: fc.constantFrom('a', 'Z', '0', '-', '=') }),
);

const authorization = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`Bearer ${CLIENT_TOKEN}`) },
  fc.constant(`Bearer ${OTHER_TOKEN}`),
  headerValue.map((value) => `Bearer ${value}`),
  headerValue.map((value) => `Basic ${value}`),
  headerValue,
  fc.constant(null),
);

const client = fc.oneof(
  { weight: 6, arbitrary: fc.constant(CLIENT) },
  fc.constant(OTHER_CLIENT),
  headerValue,
  fc.array(segment, { maxLength: 5 }).map((parts) => `VN-HP/${parts.join('/')}`),
  fc.constant(null),
);

const traceparent = fc.oneof(
  { weight: 4, arbitrary: fc.constant('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01') },
  fc.constant('00-00000000000000000000000000000000-0000000000000000-01'),
  fc.constant('ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
  headerValue,
);

/** A header as a well-behaved consumer sends it, or a generated one. */
const either = (valid: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(valid) }, headerValue);

const extraHeaders = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      'x-cang-user': either('nguyen.van.a@motcua.haiphong.gov.vn'),
      'x-cang-purpose': either('giai-quyet-thu-tuc'),
      'x-cang-subject': either('001099012345'),
      traceparent,
      tracestate: either('cang=00f067aa0ba902b7'),
      forwarded: either('for=192.0.2.60;proto=https'),
      'x-forwarded-for': either('192.0.2.60, 10.0.0.1'),
      'x-forwarded-proto': either('https'),
      'x-forwarded-host': either('cang.haiphong.example'),
      'x-real-ip': either('192.0.2.60'),
      'x-cang-id': either('3f1c1f5e-0000-4000-8000-000000000000'),
      'content-type': fc.oneof(
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data'),
        headerValue,
      ),
    },
    { requiredKeys: [] },
  ),
);

const method = fc.constantFrom(
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
);

const exchangeCall = fc.record({
  method,
  path: requestPath,
  headers: fc.tuple(client, authorization, extraHeaders).map(
    ([x, auth, extra]): Record<string, string | null> => ({
      ...extra,
      'x-cang-client': x,
      authorization: auth,
    }),
  ),
  body,
});

/** Checks what holds for every answer, whatever was asked. */
function expectSoundAnswer(result: CallResult, method: string): void {
  const text = result.body.toString('utf8');
  expect(result.status < 500 || DOCUMENTED_5XX.has(result.status), `status ${result.status}: ${text}`).toBe(
    true,
  );
  expect(text).not.toMatch(STACK_TRACE);
  // The provider answers every call it receives with 200, so anything else is Cảng's own refusal.
  if (result.status === 200) return;
  const code = result.headers['x-cang-error'];
  expect(
    typeof code === 'string' && code in ERROR_CODES,
    `${result.status} with X-Cang-Error ${String(code)}: ${text}`,
  ).toBe(true);
  const known = ERROR_CODES[code as keyof typeof ERROR_CODES];
  expect(result.status).toBe(known.status);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.headers['x-cang-id']).toMatch(/^[0-9a-f-]{36}$/);
  if (method === 'HEAD') return;
  expect(result.json()).toMatchObject({
    type: `urn:cang:problem:${code as string}`,
    status: known.status,
    code,
  });
}

describe('the exchange, given generated requests', () => {
  it('answers every one without an undocumented 5xx, with a known problem for each refusal, forwarding no refused call', async () => {
    await fc.assert(
      fc.asyncProperty(exchangeCall, async (call) => {
        const reachedBefore = provider.received.length;
        const sent = call.method === 'GET' || call.method === 'HEAD' ? undefined : call.body;
        const result = await exchange.call(call.method, call.path, {
          headers: call.headers,
          ...(sent === undefined ? {} : { body: sent }),
        });
        expectSoundAnswer(result, call.method);
        if (result.status !== 200) expect(provider.received.length).toBe(reachedBefore);
      }),
      { numRuns: 300 },
    );
    // The exchange is still up and still serves a good call.
    const good = await exchange.call('GET', `/r1/${SERVICE}/ho-khau/123`);
    expect(good.status).toBe(200);
    expect(good.json()).toEqual({ ok: true });
  });

  it('answers every generated call by a good client on the real service soundly', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.array(segment, { maxLength: 5 }),
        extraHeaders,
        body,
        async (verb, parts, headers, payload) => {
          const reachedBefore = provider.received.length;
          const sent = verb === 'GET' || verb === 'HEAD' ? undefined : payload;
          const result = await exchange.call(verb, `/r1/${SERVICE}/${parts.join('/')}`, {
            headers,
            ...(sent === undefined ? {} : { body: sent }),
          });
          expectSoundAnswer(result, verb);
          if (result.status !== 200) expect(provider.received.length).toBe(reachedBefore);
        },
      ),
      { numRuns: 200 },
    );
  });
});
