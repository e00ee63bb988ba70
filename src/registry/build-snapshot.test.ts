import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, sha256Base64url } from '../core/index.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildExchangePair,
  buildGrant,
  buildRegistry,
} from './test-support/registry-fixtures.js';

const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`configuration snapshot on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('holds everything the exchange needs, without expired grants or dead credentials', async () => {
      const pair = await buildExchangePair(fx.registry);
      const inHour = new Date(fx.clock.at + HOUR).toISOString();
      const lasting = await fx.registry.grants.create(ACTOR, buildGrant(pair, { methods: ['get'] }));
      const shortLived = await fx.registry.grants.create(ACTOR, buildGrant(pair, { expiresAt: inHour }));
      const live = await fx.registry.credentials.issueToken(ACTOR, pair.client, {});
      const revoked = await fx.registry.credentials.issueToken(ACTOR, pair.client, {});
      await fx.registry.credentials.revoke(ACTOR, pair.client, revoked.credential.id);
      await fx.registry.credentials.issueToken(ACTOR, pair.client, { expiresAt: inHour });
      await fx.registry.nodes.register(ACTOR, { id: 'hp-x1', name: 'Nút 1' });
      const oldKey = await fx.registry.nodes.addKey(ACTOR, 'hp-x1', {
        publicKey: generateSigningKeyPair().publicKey,
      });
      await fx.registry.nodes.retireKey(ACTOR, 'hp-x1', oldKey.id);
      fx.clock.advance(1);
      const newKey = await fx.registry.nodes.addKey(ACTOR, 'hp-x1', {
        publicKey: generateSigningKeyPair().publicKey,
      });

      fx.clock.advance(HOUR + 1);
      const snapshot = await fx.registry.buildSnapshot({ expiresInSeconds: 600 });
      expect(snapshot).toMatchObject({
        format: 'cang-config/1',
        instance: 'VN-HP',
        version: await fx.registry.configVersion(),
        issuedAt: fx.clock.at,
        expiresAt: fx.clock.at + 600_000,
        organisations: [
          { id: 'VN-HP/GOV/SNV', name: 'Sở Nội vụ' },
          { id: 'VN-HP/GOV/STP', name: 'Sở Tư pháp' },
        ],
        systems: [
          { id: pair.client, name: 'Cán bộ' },
          { id: pair.provider, name: 'Hộ tịch' },
        ],
        services: [
          {
            id: pair.service,
            name: 'Tra cứu hồ sơ',
            baseUrl: 'https://provider.example/api',
            enabled: true,
            timeoutMs: 30_000,
            maxBodyBytes: 10_485_760,
            logBodies: false,
            hasOpenapi: false,
          },
        ],
        grants: [
          {
            id: lasting.id,
            client: pair.client,
            service: pair.service,
            methods: ['GET'],
            pathPatterns: null,
            quotaPerMinute: null,
            expiresAt: null,
          },
        ],
        credentials: [
          {
            id: live.credential.id,
            system: pair.client,
            tokenHash: sha256Base64url(live.token),
            certificateFingerprint: null,
            expiresAt: null,
          },
        ],
        nodes: [
          {
            id: 'hp-x1',
            keys: [
              expect.objectContaining({ id: oldKey.id }),
              { id: newKey.id, publicKey: newKey.publicKey, retiredAt: null },
            ],
          },
        ],
      });
      expect(snapshot.grants.map((g) => g.id)).not.toContain(shortLived.id);
      // A retired key stays, with its retirement time, so seals it made still verify.
      expect(snapshot.nodes[0]!.keys[0]!.retiredAt).toEqual(expect.any(Number));
    });

    it('starts at version 0 with empty lists', async () => {
      const snapshot = await fx.registry.buildSnapshot({ expiresInSeconds: 60 });
      expect(snapshot).toMatchObject({ version: 0, organisations: [], grants: [], nodes: [] });
    });
  });
}
