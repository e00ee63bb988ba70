import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from './security-headers.js';
import { type ApiHarness, startApi } from './test-support/api-harness.js';

let api: ApiHarness | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the admin port', () => {
  it('sets its security headers on every answer: data, problems, documents', async () => {
    api = await startApi('sqlite');
    const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
    const answers = [
      await api.call('GET', '/api/v1/organisations', { cookie: admin }),
      await api.call('GET', '/api/v1/organisations'),
      await api.call('GET', '/api/v1/no-such-route', { cookie: admin }),
      await api.call('POST', '/api/v1/session', {}, { username: 'boss', password: 'wrong' }),
      await api.call('GET', '/api/openapi.json'),
      await api.call('GET', '/health/live'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 401, 200, 200]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(answer.headers.get(name), `${answer.url} ${name}`).toBe(value);
      }
    }
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('cuts off a client that sends half a request and then nothing', async () => {
    api = await startApi('sqlite', {
      admin: { timeouts: { requestMs: 300, idleMs: 300, checkEveryMs: 50 } },
    });
    const { hostname, port } = new URL(api.baseUrl);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /api/v1/organisations HTTP/1.1\r\nHost: cang\r\nX-Slow: ');
    let answered = '';
    socket.on('data', (chunk: Buffer) => {
      answered += chunk.toString();
    });
    // Without timeouts this waits forever; the test's own bound then fails it.
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(answered === '' || answered.startsWith('HTTP/1.1 408')).toBe(true);
  });
});
