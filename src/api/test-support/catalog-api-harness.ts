import type { AddressInfo } from 'node:net';
import { createTestStore } from '../../../test/support/dialects.js';
import { type Catalog, createCatalog } from '../../catalog/index.js';
import { generateSigningKeyPair, loadPrivateKey } from '../../core/index.js';
import { createIdentity, type RoleAssignment } from '../../identity/index.js';
import { createRegistry, createSnapshotPublisher, publicKeyId, type Registry } from '../../registry/index.js';
import type { DialectName, Store } from '../../store/index.js';
import { createAdminApi } from '../create-admin-api.js';
import { TEST_PASSWORD } from './api-harness.js';

/** Subject hash keys of the API tests, current first. */
export const API_SUBJECT_KEYS = ['khoa-api-2026', 'khoa-api-2025'] as const;

/** A listening admin API with the catalog wired in, over a fresh store. */
export interface CatalogApi {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalog: Catalog;
  /** Creates a user with the roles, logs in over HTTP and returns the session cookie. */
  sessionFor(username: string, roles: readonly RoleAssignment[]): Promise<string>;
  /** Calls the API over the socket as the cookie's user (none: anonymous). */
  call(method: string, path: string, cookie?: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Builds the admin API with a catalog on a fresh store of the dialect and listens on a loopback port. */
export async function startCatalogApi(dialect: DialectName): Promise<CatalogApi> {
  const store = await createTestStore(dialect);
  const identity = createIdentity({ store });
  const registry = createRegistry({ store, instance: 'VN-HP' });
  const catalog = createCatalog({ store, registry, subjectHashKeys: API_SUBJECT_KEYS });
  const keys = generateSigningKeyPair();
  const snapshotPublisher = createSnapshotPublisher({
    registry,
    privateKey: loadPrivateKey(keys.privateKey),
    keyId: publicKeyId(keys.publicKey),
    expiresInSeconds: 3600,
  });
  const app = await createAdminApi({ store, identity, registry, catalog, snapshotPublisher });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const call: CatalogApi['call'] = (method, path, cookie, body) => {
    const headers: Record<string, string> = {};
    if (cookie !== undefined) {
      headers.cookie = cookie;
      headers['x-requested-with'] = 'cang-console';
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  return {
    store,
    registry,
    catalog,
    async sessionFor(username, roles) {
      await identity.createUser(
        { username, displayName: username, password: TEST_PASSWORD, roles },
        { id: 'system:test', remoteAddress: null },
      );
      const response = await call('POST', '/api/v1/session', undefined, {
        username,
        password: TEST_PASSWORD,
      });
      if (response.status !== 200) throw new Error(`login failed with ${response.status}`);
      return response.headers.getSetCookie()[0]!.split(';')[0]!;
    },
    call,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
