import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/index.js';
import { ERROR_CODES } from '../core/index.js';
import { createSteering } from '../steering/index.js';
import { DEFAULT_BODY_LIMIT } from './create-admin-api.js';
import { describeAdminApi } from './describe-admin-api.js';
import { type ApiHarness, startApi } from './test-support/api-harness.js';

/** The server errors the admin API documents; any other 5xx is a bug. */
const DOCUMENTED_5XX = new Set([502, 503, 504]);
const STACK_TRACE = /at .*\.(ts|js):\d+|node:internal/;
const WRITE_METHODS = new Set(['post', 'put', 'patch']);

/** What this suite reads of a field's JSON schema. */
interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly examples?: readonly unknown[];
  readonly anyOf?: readonly FieldSchema[];
}

interface WriteOperation {
  readonly method: string;
  readonly path: string;
  /** The top-level fields of its JSON body and their schemas, to generate bodies that are nearly right. */
  readonly fields: Readonly<Record<string, FieldSchema>>;
}

/** Every write operation of the admin API that takes a login, as the OpenAPI document lists them. */
async function writeOperations(): Promise<WriteOperation[]> {
  const document = await describeAdminApi();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => WRITE_METHODS.has(method))
      .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
      .map(([method, operation]) => {
        const body = operation.requestBody as
          | { content?: Record<string, { schema?: { properties?: Record<string, FieldSchema> } }> }
          | undefined;
        const fields = body?.content?.['application/json']?.schema?.properties ?? {};
        return { method: method.toUpperCase(), path, fields };
      }),
  );
}

let api: ApiHarness;
let admin: string;
let operations: WriteOperation[];
/** Another user's id, so that no generated change can lock the administrator out. */
let otherUserId: string;

beforeAll(async () => {
  operations = await writeOperations();
  api = await startApi('sqlite', {
    parts: (store, registry) => ({
      steering: createSteering({ store }),
      catalog: createCatalog({ store, registry, subjectHashKeys: ['a subject hash key for tests'] }),
    }),
  });
  admin = await api.sessionFor('quantri', [{ role: 'platform-admin' }]);
  otherUserId = await api.addUser('lan', []);
  // Resources for the plausible path parameters, so that generated bodies also reach existing ones.
  for (const [path, body] of [
    ['/api/v1/organisations', { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' }],
    ['/api/v1/organisations/VN-HP/GOV/SNV/systems', { code: 'HRM', name: 'Quản lý cán bộ' }],
    [
      '/api/v1/organisations/VN-HP/GOV/SNV/systems/HRM/services',
      { code: 'khai-sinh', name: 'Tra cứu khai sinh', baseUrl: 'https://hotich.example/api' },
    ],
    ['/api/v1/nodes', { id: 'hp-1', name: 'Nút trao đổi 1' }],
    ['/api/v1/steering/units', { id: 'SNV', name: 'Sở Nội vụ', kind: 'department', validFrom: '2020-01-01' }],
  ] as const) {
    const response = await api.call('POST', path, { cookie: admin }, body);
    expect(response.status, `${path}: ${await response.text()}`).toBe(201);
  }
});
afterAll(async () => {
  await api?.close();
});

/** A path parameter: a plausible identifier, or a generated one. */
function pathParameter(name: string): fc.Arbitrary<string> {
  const plausible: Record<string, string[]> = {
    id: [otherUserId, 'hp-1', '0190f5d2-7a3b-7c4d-8e5f-000000000001', '1'],
    instance: ['VN-HP'],
    class: ['GOV'],
    code: ['SNV', '000.00.31.H26', 'CT-01'],
    system: ['HRM'],
    service: ['khai-sinh'],
    partner: ['VN-HN'],
    year: ['2026', '1900', '99999'],
    period: ['2026', '2026-Q1', '2026-13'],
    unit: ['SNV'],
    item: ['1.1', 'a'],
    memberId: ['0190f5d2-7a3b-7c4d-8e5f-000000000002'],
  };
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(plausible[name] ?? ['x'])) },
    fc.uuid(),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  );
}

/** A path with every `{parameter}` filled. */
function concretePath(path: string): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  return fc
    .tuple(...names.map(pathParameter))
    .map((values) => values.reduce((filled, value, i) => filled.replace(`{${names[i]}}`, value), path));
}

/** A JSON value of a type a field might not expect. */
const anyValue = fc.oneof(
  fc.json().map((text) => JSON.parse(text) as unknown),
  fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);

/** A value of the field's schema, so that a body gets past validation to the code behind it. */
function fieldValue(schema: FieldSchema): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.anyOf !== undefined && schema.anyOf.length > 0) return fc.oneof(...schema.anyOf.map(fieldValue));
  if (schema.examples !== undefined && schema.examples.length > 0) {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.examples) }, typedFieldValue(schema));
  }
  return typedFieldValue(schema);
}

function typedFieldValue(schema: FieldSchema): fc.Arbitrary<unknown> {
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'string':
      return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    case 'integer':
      return fc.integer({ min: -5, max: 100_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyValue;
  }
}

/** A body text: any JSON, the operation's fields with right, wrong or missing values, or a huge string. */
function bodyFor(operation: WriteOperation): fc.Arbitrary<string> {
  const named = Object.entries(operation.fields);
  const fields = named.length > 0 ? named.map(([name]) => name) : ['name'];
  // Every field, mostly of its schema, then maybe one left out and maybe a few unknown ones added.
  const nearlyRight = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          named.map(([name, schema]) => [
            name,
            fc.oneof({ weight: 20, arbitrary: fieldValue(schema) }, anyValue),
          ]),
        ),
      ),
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.constantFrom(...fields)),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 2 }),
      ),
    )
    .map(([known, leftOut, extra]) => {
      const body: Record<string, unknown> = { ...extra, ...known };
      if (leftOut !== null) delete body[leftOut];
      return JSON.stringify(body);
    });
  return fc.oneof(
    fc.json(),
    fc.anything().map((value) => JSON.stringify(value) ?? 'null'),
    { weight: 6, arbitrary: nearlyRight },
    fc
      .tuple(fc.constantFrom(...fields), fc.integer({ min: 10_000, max: DEFAULT_BODY_LIMIT - 1000 }))
      .map(([field, length]) => JSON.stringify({ [field]: 'ă'.repeat(length / 2) })),
  );
}

/** A wrong current password counts as a failed guess, on purpose, so that refusal writes the login throttle. */
const WRITTEN_BY_REFUSALS = new Set(['login_throttle']);

/** The row count of every other table, so that a refused request adding or removing a row anywhere shows. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await api.store.db.introspection.getTables()) {
    if (WRITTEN_BY_REFUSALS.has(table.name)) continue;
    const row = await api.store.db
      .selectFrom(table.name as 'audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

describe('the admin API, given generated JSON on every write route', () => {
  it('finds write routes to try and tables to watch', async () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(Object.keys(await rowCounts())).toEqual(expect.arrayContaining(['audit_events', 'organisations']));
  });

  it('answers each without an undocumented 5xx, refuses with a known problem, and writes nothing when it refuses', async () => {
    const request = fc.constantFrom(...operations).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: concretePath(operation.path),
        body: bodyFor(operation),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, path, body }) => {
        const rowsBefore = await rowCounts();
        const versionBefore = await api.registry.configVersion();
        const response = await api.call(operation.method, path, { cookie: admin }, body);
        const text = await response.text();
        const what = `${operation.method} ${path} → ${response.status}: ${text.slice(0, 300)}`;
        expect(response.status < 500 || DOCUMENTED_5XX.has(response.status), what).toBe(true);
        expect(text, what).not.toMatch(STACK_TRACE);
        if (response.status < 400) return;
        expect(response.headers.get('content-type'), what).toContain('application/problem+json');
        const problem = JSON.parse(text) as { type: string; status: number; code: string };
        expect(problem.code in ERROR_CODES, what).toBe(true);
        expect(problem, what).toMatchObject({
          type: `urn:cang:problem:${problem.code}`,
          status: ERROR_CODES[problem.code as keyof typeof ERROR_CODES].status,
        });
        expect(problem.status, what).toBe(response.status);
        expect(await rowCounts(), `${what} added or removed rows`).toEqual(rowsBefore);
        expect(await api.registry.configVersion(), `${what} moved the configuration version`).toBe(
          versionBefore,
        );
      }),
      { numRuns: 400 },
    );
    // The API still serves the administrator.
    const session = await api.call('GET', '/api/v1/session', { cookie: admin });
    expect(session.status).toBe(200);
  });
});
