import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createTestStore } from '../../../test/support/dialects.js';
import type { Catalog } from '../../catalog/index.js';
import { generateSigningKeyPair, loadPrivateKey, loadPublicKey } from '../../core/index.js';
import {
  createIdentity,
  type Identity,
  type IdentityDeps,
  type RoleAssignment,
} from '../../identity/index.js';
import {
  type AnchorAuthority,
  createRegistry,
  createSnapshotPublisher,
  type FederationStatus,
  publicKeyId,
  type Registry,
} from '../../registry/index.js';
import type { Steering } from '../../steering/index.js';
import type { DialectName, Store } from '../../store/index.js';
import type { AdminApiDeps } from '../admin-api-deps.js';
import { createAdminApi } from '../create-admin-api.js';

/** A password long enough for every test user. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** How a test request authenticates. */
export interface As {
  readonly cookie?: string;
  readonly token?: string;
  /** Leave out the console's CSRF header on a cookie request. */
  readonly noCsrfHeader?: boolean;
}

/** The optional parts of the admin API, built over the harness's store and registry. */
export interface ApiParts {
  readonly steering?: Steering;
  readonly catalog?: Catalog;
}

/** What a test adds to the plain admin API. */
export interface ApiHarnessOptions {
  /** Builds the steering workspace or the catalog, whose routes are then registered as in production. */
  readonly parts?: (store: Store, registry: Registry) => ApiParts;
  /** Adds routes to the built API before it listens, e.g. one that throws to test the error boundary. */
  readonly routes?: (app: FastifyInstance) => void;
  /** The partners' configurations, handed to both the registry and the admin API, as the exchange's polling. */
  readonly federationStatus?: FederationStatus;
  /** The registry key and authority certificate the anchor carries. */
  readonly anchorAuthority?: () => Promise<AnchorAuthority>;
  /** The public URL, timeouts, trusted proxies and sample-data answer the API is configured with. */
  readonly admin?: Partial<Pick<AdminApiDeps, 'publicUrl' | 'timeouts' | 'trustProxy' | 'sampleData'>>;
  /** Identity's clock, key derivation, hash limit, throttling policies or token lifetime. */
  readonly identity?: Omit<IdentityDeps, 'store'>;
}

/** A listening admin API over a fresh store, and helpers to call it over a real socket. */
export interface ApiHarness extends ApiParts {
  readonly store: Store;
  readonly identity: Identity;
  readonly registry: Registry;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  readonly registryPublicKey: KeyObject;
  /** Creates a user directly through identity. */
  addUser(username: string, roles: readonly RoleAssignment[]): Promise<string>;
  /** Logs in over HTTP and returns the `cang_session=…` cookie pair. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a user with the roles, logs in, and returns the cookie. */
  sessionFor(username: string, roles: readonly RoleAssignment[]): Promise<string>;
  call(
    method: string,
    path: string,
    as?: As,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Builds the admin API on a fresh store of the dialect and listens on a loopback port. */
export async function startApi(dialect: DialectName, options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const store = await createTestStore(dialect);
  const identity = createIdentity({ ...options.identity, store });
  const registry = createRegistry({
    store,
    instance: 'VN-HP',
    secretsKey: randomBytes(32),
    ...(options.federationStatus ? { federationConfigurations: options.federationStatus } : {}),
  });
  const parts = options.parts?.(store, registry) ?? {};
  const keys = generateSigningKeyPair();
  const snapshotPublisher = createSnapshotPublisher({
    registry,
    privateKey: loadPrivateKey(keys.privateKey),
    keyId: publicKeyId(keys.publicKey),
    expiresInSeconds: 3600,
  });
  const app = await createAdminApi({
    store,
    identity,
    registry,
    snapshotPublisher,
    publicUrl: 'https://cang.haiphong.example',
    ...options.admin,
    ...parts,
    ...(options.federationStatus ? { federationStatus: options.federationStatus } : {}),
    ...(options.anchorAuthority ? { anchorAuthority: options.anchorAuthority } : {}),
  });
  options.routes?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const call: ApiHarness['call'] = (method, path, as = {}, body, headers = {}) => {
    const all: Record<string, string> = { ...headers };
    if (as.cookie !== undefined) all.cookie = as.cookie;
    if (as.cookie !== undefined && !as.noCsrfHeader) all['x-requested-with'] = 'cang-console';
    if (as.token !== undefined) all.authorization = `Bearer ${as.token}`;
    if (body !== undefined && all['content-type'] === undefined) all['content-type'] = 'application/json';
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return fetch(`${baseUrl}${path}`, { method, headers: all, body: payload });
  };

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const response = await call('POST', '/api/v1/session', {}, { username, password });
    if (response.status !== 200) throw new Error(`login failed with ${response.status}`);
    return response.headers.getSetCookie()[0]!.split(';')[0]!;
  }

  async function addUser(username: string, roles: readonly RoleAssignment[]): Promise<string> {
    const user = await identity.createUser(
      { username, displayName: username, password: TEST_PASSWORD, roles },
      { id: 'system:test', remoteAddress: null },
    );
    return user.id;
  }

  return {
    ...parts,
    store,
    identity,
    registry,
    app,
    baseUrl,
    registryPublicKey: loadPublicKey(keys.publicKey),
    addUser,
    login,
    async sessionFor(username, roles) {
      await addUser(username, roles);
      return login(username);
    },
    call,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A problem document as a test reads it. */
export interface ProblemBody {
  readonly code: string;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly { pointer: string; detail: string }[];
}

/**
 * Checks a refusal from the refused caller's side: the status, a problem document of that code, and no
 * stack trace in it.
 */
export async function expectRefusal(
  response: Response,
  status: number,
  code: string,
  what = '',
): Promise<ProblemBody> {
  expect(response.status, `${what} status`).toBe(status);
  expect(response.headers.get('content-type'), what).toContain('application/problem+json');
  const problem = await readJson(response);
  expect(problem, what).toMatchObject({ type: `urn:cang:problem:${code}`, status, code });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);
  return problem;
}

/** Reads a JSON response body as the shape the test expects. */
export async function readJson<T = ProblemBody>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
