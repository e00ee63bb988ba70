import { describe, expect, it } from 'vitest';
import { consumerResponseHeaders, providerRequestHeaders } from './provider-headers.js';

describe('providerRequestHeaders', () => {
  it('strips hop-by-hop headers, those named in Connection, the credential and X-Cang-* and adds its own', () => {
    const out = providerRequestHeaders(
      [
        'Host',
        'cang',
        'Connection',
        'keep-alive, X-Secret',
        'X-Secret',
        's',
        'Keep-Alive',
        'timeout=5',
        'TE',
        'trailers',
        'Transfer-Encoding',
        'chunked',
        'Upgrade',
        'h2c',
        'Proxy-Authorization',
        'p',
        'Proxy-Connection',
        'x',
        'Trailer',
        'x',
        'Authorization',
        'Bearer t',
        'X-Cang-Subject',
        '0123',
        'X-Cang-Id',
        'forged',
        'Accept',
        'application/json',
        'Content-Type',
        'text/plain',
      ],
      {
        transactionId: 'tx',
        client: 'A/GOV/1/S',
        user: 'u1',
        purpose: undefined,
        traceparent: 'tp',
        tracestate: undefined,
      },
    );
    expect(out).toEqual([
      'Accept',
      'application/json',
      'Content-Type',
      'text/plain',
      'x-cang-id',
      'tx',
      'x-cang-client',
      'A/GOV/1/S',
      'traceparent',
      'tp',
      'x-cang-user',
      'u1',
    ]);
  });
});

describe('consumerResponseHeaders', () => {
  it('drops hop-by-hop and X-Cang-* headers from the provider and adds the id and request hash', () => {
    const out = consumerResponseHeaders(
      {
        'content-type': 'application/json',
        connection: 'keep-alive, x-internal',
        'x-internal': '1',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'x-cang-error': 'access-denied',
        'set-cookie': ['a=1', 'b=2'],
      },
      'tx',
      'hash',
    );
    expect(out).toEqual([
      'content-type',
      'application/json',
      'set-cookie',
      'a=1',
      'set-cookie',
      'b=2',
      'x-cang-id',
      'tx',
      'x-cang-request-hash',
      'hash',
    ]);
  });
});
