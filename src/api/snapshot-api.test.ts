import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { generateSigningKeyPair, loadPrivateKey } from '../core/index.js';
import {
  NODE_SIGNATURE_WINDOW_MS,
  type NodeSigner,
  publicKeyId,
  signNodeRequest,
  verifySignedSnapshot,
} from '../registry/index.js';
import type { AuditActor } from '../store/index.js';
import { type ApiHarness, readJson, startApi } from './test-support/api-harness.js';
import { expectRefusal } from './test-support/expect-refusal.js';

const ACTOR: AuditActor = { id: 'system:test', remoteAddress: null };
const SNAPSHOT = '/api/v1/config/snapshot';
const SYSTEM = 'VN-HP/GOV/STP/HOTICH';
const SERVICE = `${SYSTEM}/khai-sinh`;
const OPENAPI = { openapi: '3.1.0', info: { title: 'Khai sinh', version: '1' } };

/** A node registered with a fresh key, and that key as a signer. */
async function registeredNode(api: ApiHarness, id: string): Promise<NodeSigner> {
  const keys = generateSigningKeyPair();
  await api.registry.nodes.register(ACTOR, { id, name: `Nút ${id}` });
  await api.registry.nodes.addKey(ACTOR, id, { publicKey: keys.publicKey });
  return { nodeId: id, keyId: publicKeyId(keys.publicKey), privateKey: loadPrivateKey(keys.privateKey) };
}

/** A signer whose key no registered node holds. */
function strangerSigner(nodeId: string): NodeSigner {
  const keys = generateSigningKeyPair();
  return { nodeId, keyId: publicKeyId(keys.publicKey), privateKey: loadPrivateKey(keys.privateKey) };
}

for (const dialect of DIALECTS) {
  describe(`the configuration snapshot is for exchange nodes only, on ${dialect}`, () => {
    let api: ApiHarness | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    async function start(): Promise<ApiHarness> {
      api = await startApi(dialect);
      await api.registry.organisations.create(ACTOR, { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
      await api.registry.systems.create(ACTOR, 'VN-HP/GOV/STP', { code: 'HOTICH', name: 'Hộ tịch' });
      await api.registry.services.create(ACTOR, SYSTEM, {
        code: 'khai-sinh',
        name: 'Tra cứu khai sinh',
        baseUrl: 'https://hotich.example/api',
        openapi: JSON.stringify(OPENAPI),
      });
      return api;
    }

    const signedGet = (harness: ApiHarness, path: string, authorization: string, headers = {}) =>
      harness.call('GET', path, {}, undefined, { authorization, ...headers });

    it('serves a registered node its signed snapshot, without OpenAPI documents, with ETag and 304', async () => {
      const harness = await start();
      const node = await registeredNode(harness, 'hp-node-2');
      const url = `${harness.baseUrl}${SNAPSHOT}`;
      const response = await signedGet(harness, SNAPSHOT, signNodeRequest(node, 'GET', url, Date.now()));
      expect(response.status).toBe(200);
      const etag = response.headers.get('etag')!;
      const signed = await readJson<{ payload: string; signature: string; keyId: string }>(response);
      const snapshot = verifySignedSnapshot(signed, harness.registryPublicKey);
      expect(snapshot.services.map((s) => [s.id, s.hasOpenapi])).toEqual([[SERVICE, true]]);
      expect(signed.payload).not.toContain('Khai sinh');
      const again = await signedGet(harness, SNAPSHOT, signNodeRequest(node, 'GET', url, Date.now() + 1), {
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
    });

    it('refuses a fetch without a signature with 401 unauthenticated, and a bearer token or session too', async () => {
      const harness = await start();
      await expectRefusal(await harness.call('GET', SNAPSHOT), 401, 'unauthenticated');
      const admin = await harness.sessionFor('boss', [{ role: 'platform-admin' }]);
      // Not even a platform administrator's session reads it: it is for nodes.
      await expectRefusal(await harness.call('GET', SNAPSHOT, { cookie: admin }), 401, 'unauthenticated');
      await expectRefusal(await harness.call('GET', SNAPSHOT, { token: 'cangu_x' }), 401, 'node-auth-failed');
    });

    it('refuses a fetch signed by an unknown key, a retired key, or for another path with 401 node-auth-failed', async () => {
      const harness = await start();
      const url = `${harness.baseUrl}${SNAPSHOT}`;
      const node = await registeredNode(harness, 'hp-node-2');
      for (const stranger of [strangerSigner('hp-node-2'), strangerSigner('hp-node-9')]) {
        const refused = await signedGet(harness, SNAPSHOT, signNodeRequest(stranger, 'GET', url, Date.now()));
        await expectRefusal(refused, 401, 'node-auth-failed');
      }
      // A signature made for the OpenAPI route does not fetch the snapshot.
      const elsewhere = signNodeRequest(
        node,
        'GET',
        `${harness.baseUrl}/api/v1/config/openapi?service=x`,
        Date.now(),
      );
      await expectRefusal(await signedGet(harness, SNAPSHOT, elsewhere), 401, 'node-auth-failed');
      // Once its key is retired, the node's signatures no longer open the snapshot.
      await harness.registry.nodes.retireKey(ACTOR, 'hp-node-2', node.keyId);
      await expectRefusal(
        await signedGet(harness, SNAPSHOT, signNodeRequest(node, 'GET', url, Date.now())),
        401,
        'node-auth-failed',
      );
    });

    it('refuses a stale, a future and a replayed signature with 401 node-signature-stale', async () => {
      const harness = await start();
      const url = `${harness.baseUrl}${SNAPSHOT}`;
      const node = await registeredNode(harness, 'hp-node-2');
      for (const skew of [-NODE_SIGNATURE_WINDOW_MS - 5_000, NODE_SIGNATURE_WINDOW_MS + 5_000]) {
        const refused = await signedGet(
          harness,
          SNAPSHOT,
          signNodeRequest(node, 'GET', url, Date.now() + skew),
        );
        await expectRefusal(refused, 401, 'node-signature-stale');
      }
      const captured = signNodeRequest(node, 'GET', url, Date.now());
      expect((await signedGet(harness, SNAPSHOT, captured)).status).toBe(200);
      await expectRefusal(await signedGet(harness, SNAPSHOT, captured), 401, 'node-signature-stale');
    });

    it("hands a node a service's OpenAPI document over the same signed channel, and nobody else", async () => {
      const harness = await start();
      const node = await registeredNode(harness, 'hp-node-2');
      const path = `/api/v1/config/openapi?service=${encodeURIComponent(SERVICE)}`;
      const url = `${harness.baseUrl}${path}`;
      const response = await signedGet(harness, path, signNodeRequest(node, 'GET', url, Date.now()));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(OPENAPI);
      await expectRefusal(await harness.call('GET', path), 401, 'unauthenticated');
      const missing = `/api/v1/config/openapi?service=${encodeURIComponent(`${SYSTEM}/none`)}`;
      const none = await signedGet(
        harness,
        missing,
        signNodeRequest(node, 'GET', `${harness.baseUrl}${missing}`, Date.now()),
      );
      await expectRefusal(none, 404, 'not-found');
    });
  });
}
