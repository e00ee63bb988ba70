import { beforeAll, describe, expect, it } from 'vitest';
import { describeAdminApi, type OpenApiDocument } from './describe-admin-api.js';
import { startApi } from './test-support/api-harness.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Every operation of the document with its method and path, for the messages. */
function operationsOf(document: OpenApiDocument): { name: string; operationId: unknown }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operationId: operation.operationId,
      })),
  );
}

describe('the admin API OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await describeAdminApi();
  });

  it('gives every operation a camelCase operationId', () => {
    const all = operationsOf(document);
    expect(all.length).toBeGreaterThan(100);
    const missing = all.filter(
      ({ operationId }) => typeof operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(operationId),
    );
    expect(missing.map(({ name }) => name)).toEqual([]);
  });

  it('never gives two operations the same operationId', () => {
    const seen = new Map<unknown, string>();
    const duplicates: string[] = [];
    for (const { name, operationId } of operationsOf(document)) {
      const first = seen.get(operationId);
      if (first !== undefined) duplicates.push(`${String(operationId)}: ${first} and ${name}`);
      seen.set(operationId, name);
    }
    expect(duplicates).toEqual([]);
  });

  it('names the server that answers it', () => {
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });

  it('describes every operation as a running server serves it at /api/openapi.json', async () => {
    const api = await startApi('sqlite');
    try {
      const served = (await (await api.call('GET', '/api/openapi.json')).json()) as OpenApiDocument;
      expect(Object.keys(served.paths).length).toBeGreaterThan(20);
      for (const [path, item] of Object.entries(served.paths)) expect(document.paths[path]).toEqual(item);
      expect(served.servers).toEqual(document.servers);
    } finally {
      await api.close();
    }
  });
});
