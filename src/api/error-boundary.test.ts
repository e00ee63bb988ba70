import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';

describe('admin API error boundary and OpenAPI (sqlite)', () => {
  let api: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    api = await startApi('sqlite', {
      routes: (app) =>
        app.get('/api/v1/boom', async () => {
          throw new Error('secret internal detail', { cause: new Error('database password=hunter2') });
        }),
    });
    admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
  });
  afterAll(() => api.close());

  it('names every bad field of a body with a JSON pointer', async () => {
    const response = await api.call(
      'POST',
      '/api/v1/organisations',
      { cookie: admin },
      { memberClass: 'XYZ', code: 'SNV', name: '', extra: 1 },
    );
    const problem = await expectRefusal(response, 400, 'validation-failed');
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(['/extra', '/memberClass', '/name']);
    expect(problem.errors?.find((e) => e.pointer === '/memberClass')?.detail).toBe(
      'must be one of GOV, COM, ORG',
    );
  });

  it('reports exactly the two bad fields sent, missing ones included', async () => {
    const response = await api.call(
      'POST',
      '/api/v1/users',
      { cookie: admin },
      { username: 'ok.name', password: 'short', roles: [] },
    );
    const problem = await expectRefusal(response, 400, 'validation-failed');
    expect(problem.errors).toHaveLength(2);
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(['/displayName', '/password']);
  });

  it('refuses a malformed identifier in the path with 400, never a lookup', async () => {
    // The registry's own lookup, watched (it still runs): a well-formed id reaches it, a malformed one not.
    const lookups = vi.spyOn(api.registry.organisations, 'get');
    onTestFinished(() => {
      lookups.mockRestore();
    });
    await expectRefusal(
      await api.call('GET', '/api/v1/organisations/VN-HP/GOV/KHONG-CO', { cookie: admin }),
      404,
      'not-found',
    );
    expect(lookups).toHaveBeenCalledTimes(1);
    const response = await api.call('GET', '/api/v1/organisations/VN-HP/XYZ/SNV', { cookie: admin });
    const problem = await expectRefusal(response, 400, 'validation-failed');
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/class']);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await api.call('POST', '/api/v1/session', {}, '{"username": "a",');
    await expectRefusal(response, 400, 'bad-request');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await api.call('POST', '/api/v1/session', {}, 'username=a&password=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    await expectRefusal(response, 415, 'unsupported-media-type');
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await api.call(
      'POST',
      '/api/v1/session',
      {},
      { username: 'a', password: 'x'.repeat(1_100_000) },
    );
    await expectRefusal(response, 413, 'payload-too-large');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await api.call('GET', '/api/v1/nothing-here');
    await expectRefusal(response, 404, 'not-found');
  });

  it('answers an unexpected error with a bare 500 internal problem, without stack or cause', async () => {
    const response = await api.call('GET', '/api/v1/boom', { cookie: admin });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      type: 'urn:cang:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: 'Internal error',
      code: 'internal',
      instance: '/api/v1/boom',
    });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
  });

  it('publishes an OpenAPI 3.1 document listing the routes, and browsable docs', async () => {
    const response = await api.call('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const document = await readJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      response,
    );
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/session',
        '/api/v1/organisations',
        '/api/v1/organisations/{instance}/{class}/{code}/systems/{system}/services/{service}',
        '/api/v1/organisations/{instance}/{class}/{code}/systems/{system}/credentials',
        '/api/v1/grants',
        '/api/v1/nodes',
        '/api/v1/users',
        '/api/v1/users/me/tokens',
        '/api/v1/audit',
        '/api/v1/config/snapshot',
        '/health/ready',
      ]),
    );
    expect(document.paths['/api/v1/organisations']?.post).toBeDefined();
    const docs = await fetch(`${api.baseUrl}/api/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers the health checks without a session', async () => {
    expect((await api.call('GET', '/health/live')).status).toBe(200);
    const ready = await api.call('GET', '/health/ready');
    expect(await readJson<{ status: string }>(ready)).toEqual({ status: 'ok' });
  });
});
