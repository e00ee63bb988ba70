import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, sha256Base64url } from '../core/index.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildRegistry,
  expectCangError,
  pointersOf,
} from './test-support/registry-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`nodes on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('registers a node, adds a key with its fingerprint id and retires it', async () => {
      const node = await fx.registry.nodes.register(ACTOR, {
        id: 'hp-x1',
        name: 'Nút trao đổi số 1',
        address: 'https://x1.example:8081',
      });
      expect(node).toMatchObject({ id: 'hp-x1', address: 'https://x1.example:8081', keys: [] });
      const { publicKey } = generateSigningKeyPair();
      const key = await fx.registry.nodes.addKey(ACTOR, 'hp-x1', { publicKey });
      expect(key.id).toBe(sha256Base64url(Buffer.from(publicKey, 'base64url')).slice(0, 16));
      expect(key).toMatchObject({ node: 'hp-x1', publicKey, retiredAt: null });
      await expectCangError(fx.registry.nodes.addKey(ACTOR, 'hp-x1', { publicKey }), 'conflict');

      fx.clock.advance(1000);
      const retired = await fx.registry.nodes.retireKey(ACTOR, 'hp-x1', key.id);
      expect(retired.retiredAt).toBe(new Date(fx.clock.at).toISOString());
      await expectCangError(fx.registry.nodes.retireKey(ACTOR, 'hp-x1', key.id), 'conflict');
      expect((await fx.registry.nodes.get('hp-x1')).keys).toEqual([retired]);
      expect((await fx.registry.nodes.list()).items).toEqual([{ ...node, keys: [retired] }]);
    });

    it('records a starting node’s federation address and TLS fingerprint, and clears them when it stops federating', async () => {
      const { publicKey } = generateSigningKeyPair();
      const fingerprint = 'ab'.repeat(32);
      const federating = await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', publicKey, {
        address: 'https://x1.example:8443/',
        tlsFingerprint: fingerprint,
      });
      expect(federating).toMatchObject({
        federationAddress: 'https://x1.example:8443',
        federationTlsFingerprint: fingerprint,
      });
      const version = await fx.registry.configVersion();
      await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', publicKey, {
        address: 'https://x1.example:8443',
        tlsFingerprint: fingerprint,
      });
      expect(await fx.registry.configVersion()).toBe(version);
      const stopped = await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', publicKey);
      expect(stopped).toMatchObject({ federationAddress: null, federationTlsFingerprint: null });
      expect(await fx.registry.configVersion()).toBe(version + 1);
    });

    it('refuses a federation address that is not https or a fingerprint that is not hex, naming each', async () => {
      const { publicKey } = generateSigningKeyPair();
      const error = await expectCangError(
        fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', publicKey, {
          address: 'http://x1.example:8443/path',
          tlsFingerprint: 'AB:CD',
        }),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/federation/address', '/federation/tlsFingerprint']);
      await expectCangError(fx.registry.nodes.get('hp-x1'), 'not-found');
    });

    it('registers a starting node and its key once, then adds only a new key beside the old', async () => {
      const first = generateSigningKeyPair();
      const node = await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', first.publicKey);
      expect(node).toMatchObject({ id: 'hp-x1', name: 'Exchange node hp-x1' });
      expect(node.keys.map((key) => key.publicKey)).toEqual([first.publicKey]);
      expect(await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', first.publicKey)).toEqual(node);

      // A node an operator registered keeps its name.
      await fx.registry.nodes.register(ACTOR, { id: 'hp-x2', name: 'Nút hai' });
      const second = generateSigningKeyPair();
      fx.clock.advance(1000);
      const rotated = await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', second.publicKey);
      expect(rotated.keys.map((key) => key.publicKey)).toEqual([first.publicKey, second.publicKey]);
      const third = generateSigningKeyPair();
      const named = await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x2', third.publicKey);
      expect(named.name).toBe('Nút hai');
      expect(named.keys.map((key) => key.publicKey)).toEqual([third.publicKey]);
    });

    it('refuses a duplicate node, a bad node and keys that are not Ed25519', async () => {
      await fx.registry.nodes.register(ACTOR, { id: 'hp-x1', name: 'Một' });
      await expectCangError(fx.registry.nodes.register(ACTOR, { id: 'hp-x1', name: 'Hai' }), 'conflict');
      const bad = await expectCangError(
        fx.registry.nodes.register(ACTOR, { id: '../x', name: '', address: 'a b' }),
        'validation-failed',
      );
      expect(pointersOf(bad)).toEqual(['/address', '/id', '/name']);

      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
        .publicKey.export({ format: 'der', type: 'spki' })
        .toString('base64url');
      for (const publicKey of [rsa, 'not a key', 'AAAA']) {
        const error = await expectCangError(
          fx.registry.nodes.addKey(ACTOR, 'hp-x1', { publicKey }),
          'validation-failed',
        );
        expect(pointersOf(error)).toEqual(['/publicKey']);
      }
      await expectCangError(
        fx.registry.nodes.addKey(ACTOR, 'hp-none', { publicKey: generateSigningKeyPair().publicKey }),
        'not-found',
      );
      await expectCangError(fx.registry.nodes.retireKey(ACTOR, 'hp-x1', 'nokey'), 'not-found');
    });
  });
}
