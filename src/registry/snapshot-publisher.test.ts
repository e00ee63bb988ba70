import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, loadPrivateKey, loadPublicKey } from '../core/index.js';
import { publicKeyId } from './public-key-id.js';
import { createSnapshotPublisher, type SnapshotPublisher } from './snapshot-publisher.js';
import { verifySignedSnapshot } from './snapshot-signature.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildGrant,
  buildOrganisation,
  buildRegistry,
} from './test-support/registry-fixtures.js';

const EXPIRES_IN_SECONDS = 3600;

for (const dialect of DIALECTS) {
  describe(`snapshot publisher on ${dialect}`, () => {
    let fx: RegistryFixture;
    let publisher: SnapshotPublisher;
    const keys = generateSigningKeyPair();
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      publisher = createSnapshotPublisher({
        registry: fx.registry,
        privateKey: loadPrivateKey(keys.privateKey),
        keyId: publicKeyId(keys.publicKey),
        expiresInSeconds: EXPIRES_IN_SECONDS,
        now: fx.clock.now,
      });
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('publishes a snapshot that verifies with the registry key', async () => {
      const pair = await buildExchangePair(fx.registry);
      await fx.registry.grants.create(ACTOR, buildGrant(pair));
      const published = await publisher.current();
      const { signed, etag, version } = published;
      expect(signed.keyId).toBe(publicKeyId(keys.publicKey));
      const snapshot = verifySignedSnapshot(signed, loadPublicKey(keys.publicKey), fx.clock.at);
      expect(snapshot.version).toBe(version);
      // The unsigned snapshot handed to an in-process consumer is the one signed.
      expect(published.snapshot).toEqual(snapshot);
      expect(snapshot.grants).toHaveLength(1);
      expect(etag).toMatch(new RegExp(`^"v${version}-[A-Za-z0-9_-]{16}"$`));
      // Another key does not verify it.
      const stranger = loadPublicKey(generateSigningKeyPair().publicKey);
      expect(() => verifySignedSnapshot(signed, stranger, fx.clock.at)).toThrow(/signature/);
    });

    it('keeps the same ETag without change and a new, higher version after each change', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      const first = await publisher.current();
      fx.clock.advance(60_000);
      const again = await publisher.current();
      expect(again.etag).toBe(first.etag);
      expect(again.signed).toBe(first.signed);

      await fx.registry.organisations.update(ACTOR, 'VN-HP/GOV/SNV', { name: 'Sở Nội vụ Hải Phòng' });
      const changed = await publisher.current();
      expect(changed.version).toBe(first.version + 1);
      expect(changed.etag).not.toBe(first.etag);
      const snapshot = verifySignedSnapshot(changed.signed, loadPublicKey(keys.publicKey), fx.clock.at);
      expect(snapshot.organisations[0]!.name).toBe('Sở Nội vụ Hải Phòng');
    });

    it('signs again once half the lifetime has passed, so nodes never hold an expiring one', async () => {
      const first = await publisher.current();
      fx.clock.advance((EXPIRES_IN_SECONDS * 1000) / 2 - 1);
      expect((await publisher.current()).etag).toBe(first.etag);
      fx.clock.advance(2);
      const renewed = await publisher.current();
      expect(renewed.version).toBe(first.version);
      expect(renewed.etag).not.toBe(first.etag);
      const snapshot = verifySignedSnapshot(renewed.signed, loadPublicKey(keys.publicKey), fx.clock.at);
      expect(snapshot.expiresAt).toBe(fx.clock.at + EXPIRES_IN_SECONDS * 1000);
    });

    it('shares one build between concurrent polls', async () => {
      const [a, b] = await Promise.all([publisher.current(), publisher.current()]);
      expect(a.signed).toBe(b.signed);
    });
  });
}
