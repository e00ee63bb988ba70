import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CangError,
  canonicalJson,
  generateSigningKeyPair,
  loadPrivateKey,
  loadPublicKey,
  signData,
} from '../../core/index.js';
import { publicKeyId } from '../public-key-id.js';
import { createSnapshotPublisher, type SnapshotPublisher } from '../snapshot-publisher.js';
import {
  buildPartner,
  buildPartnerConfiguration,
  TestFederationConfigurations,
} from '../test-support/federation-fixtures.js';
import {
  ACTOR,
  buildExchangePair,
  buildRegistry,
  buildService,
  DIALECTS,
  type RegistryFixture,
} from '../test-support/registry-fixtures.js';
import type { FederationConfiguration } from './federation-configuration.js';
import {
  signFederationConfiguration,
  verifySignedFederationConfiguration,
} from './federation-configuration-signature.js';

const OPENAPI = JSON.stringify({ openapi: '3.1.0', info: { title: 'Hộ tịch', version: '1' }, paths: {} });
const FOREIGN_SYSTEM = 'VN/GOV/BCA/CSDLQG-DC';
const FINGERPRINT = 'ef'.repeat(32);

for (const dialect of DIALECTS) {
  describe(`partners in the snapshot on ${dialect}`, () => {
    let fx: RegistryFixture;
    let publisher: SnapshotPublisher;
    const keys = generateSigningKeyPair();
    beforeEach(async () => {
      const configurations = new TestFederationConfigurations();
      configurations.held.set('VN', buildPartnerConfiguration('VN'));
      fx = await buildRegistry(dialect, { federationConfigurations: configurations });
      publisher = createSnapshotPublisher({
        registry: fx.registry,
        privateKey: loadPrivateKey(keys.privateKey),
        keyId: publicKeyId(keys.publicKey),
        expiresInSeconds: 3600,
        now: fx.clock.now,
      });
    });
    afterEach(async () => {
      await fx.store.close();
    });

    /** Two partners; VN is offered one of two services (OpenAPI not opted in) and may be called by one system. */
    async function federate() {
      const pair = await buildExchangePair(fx.registry);
      const hidden = await fx.registry.services.create(
        ACTOR,
        pair.provider,
        buildService({ code: 'noi-bo', name: 'Nội bộ', baseUrl: 'https://internal.example/secret' }),
      );
      await fx.registry.services.update(ACTOR, pair.service, { openapi: OPENAPI });
      const token = await fx.registry.credentials.issueToken(ACTOR, pair.client, { label: 'ứng dụng' });
      const tokenHash = (
        await fx.store.db.selectFrom('credentials').select('token_hash').executeTakeFirstOrThrow()
      ).token_hash!;
      await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', generateSigningKeyPair().publicKey, {
        address: 'https://x1.cang.haiphong.example:8443',
        tlsFingerprint: FINGERPRINT,
      });
      await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x2', generateSigningKeyPair().publicKey);
      const vn = await buildPartner('VN');
      const hanoi = await buildPartner('VN-HN');
      await fx.registry.federation.partners.add(ACTOR, vn.anchor);
      await fx.registry.federation.partners.add(ACTOR, hanoi.anchor);
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      await fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: pair.client });
      await fx.registry.grants.create(ACTOR, {
        client: FOREIGN_SYSTEM,
        service: pair.service,
        methods: ['GET'],
      });
      await fx.registry.grants.create(ACTOR, { client: pair.client, service: pair.service });
      await fx.registry.grants.create(ACTOR, { client: pair.client, service: hidden.id });
      return { pair, hidden, vn, hanoi, token: token.token, tokenHash };
    }

    function configurationFor(snapshot: Awaited<ReturnType<SnapshotPublisher['current']>>, partner: string) {
      const entry = snapshot.snapshot.partners.find((candidate) => candidate.instance === partner);
      expect(entry, partner).toBeDefined();
      return {
        entry: entry!,
        configuration: verifySignedFederationConfiguration(entry!.configuration, keys.publicKey, {
          partner: 'VN-HP',
          audience: partner,
          now: fx.clock.at,
        }),
      };
    }

    it('carries each partner’s anchor, outbound clients and its own signed configuration', async () => {
      const { pair, vn } = await federate();
      const published = await publisher.current();
      const { entry, configuration } = configurationFor(published, 'VN');
      expect(entry).toMatchObject({
        instance: 'VN',
        publicKey: vn.registryKey.publicKey,
        certificate: vn.certificate.trim(),
        configurationUrls: vn.anchor.configurationUrls,
        outboundClients: [pair.client],
      });
      expect(entry.configuration.keyId).toBe(publicKeyId(keys.publicKey));
      expect(configuration).toEqual({
        format: 'cang-federation/1',
        instance: 'VN-HP',
        partner: 'VN',
        version: published.version,
        issuedAt: published.snapshot.issuedAt,
        expiresAt: published.snapshot.expiresAt,
        nodes: [
          { id: 'hp-x1', address: 'https://x1.cang.haiphong.example:8443', tlsFingerprints: [FINGERPRINT] },
        ],
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
            enabled: true,
            timeoutMs: expect.any(Number),
            maxBodyBytes: expect.any(Number),
            openapi: null,
            grants: [
              {
                client: FOREIGN_SYSTEM,
                methods: ['GET'],
                pathPatterns: null,
                quotaPerMinute: null,
                expiresAt: null,
              },
            ],
          },
        ],
      });
      // A partner offered nothing sees the nodes and nothing else.
      const hanoi = configurationFor(published, 'VN-HN');
      expect(hanoi.entry.outboundClients).toEqual([]);
      expect(hanoi.configuration).toMatchObject({ organisations: [], systems: [], services: [] });
      expect(hanoi.configuration.nodes).toHaveLength(1);
    });

    it('never shows a partner a base URL, a credential hash or an OpenAPI document not opted in', async () => {
      const { pair, token, tokenHash } = await federate();
      for (const partner of ['VN', 'VN-HN']) {
        const { entry } = configurationFor(await publisher.current(), partner);
        const payload = entry.configuration.payload;
        expect(payload).not.toContain('provider.example');
        expect(payload).not.toContain('internal.example');
        expect(payload).not.toContain('baseUrl');
        expect(payload).not.toContain(tokenHash);
        expect(payload).not.toContain(token);
        expect(payload).not.toContain('tokenHash');
        expect(payload).not.toContain('Hộ tịch","version"');
      }
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service, publishOpenapi: true });
      const { configuration } = configurationFor(await publisher.current(), 'VN');
      expect(configuration.services[0]?.openapi).toBe(OPENAPI);
    });

    it('drops a removed partner from the next snapshot, and shows a revoked grant no more', async () => {
      await federate();
      const before = await publisher.current();
      const foreignGrant = (await fx.registry.grants.list({ client: FOREIGN_SYSTEM })).items[0]!;
      await fx.registry.grants.delete(ACTOR, foreignGrant.id);
      const revoked = await publisher.current();
      expect(revoked.version).toBeGreaterThan(before.version);
      expect(configurationFor(revoked, 'VN').configuration.services[0]?.grants).toEqual([]);
      await fx.registry.federation.partners.remove(ACTOR, 'VN');
      const after = await publisher.current();
      expect(after.snapshot.partners.map((partner) => partner.instance)).toEqual(['VN-HN']);
      expect(after.snapshot.systems.map((system) => system.id)).not.toContain(FOREIGN_SYSTEM);
    });
  });
}

describe('verifying a partner’s federation configuration', () => {
  const partnerKey = generateSigningKeyPair();
  const privateKey = loadPrivateKey(partnerKey.privateKey);
  const now = Date.now();
  const document: FederationConfiguration = {
    ...buildPartnerConfiguration('VN'),
    version: 7,
    expiresAt: now + 60_000,
  };
  const expected = { partner: 'VN', audience: 'VN-HP', now, heldVersion: 7 };

  function refusal(run: () => unknown): CangError {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CangError);
    expect((caught as CangError).code).toBe('partner-configuration-invalid');
    return caught as CangError;
  }

  /** Signs any document with the partner's key, as a partner with a bug or a forger holding the key would. */
  function signedRaw(value: unknown) {
    const payload = canonicalJson(value);
    return { payload, signature: signData(privateKey, payload), keyId: 'k' };
  }

  it('accepts a sound configuration, from its key as a KeyObject or as base64url, at the version held', () => {
    const signed = signFederationConfiguration(document, privateKey, publicKeyId(partnerKey.publicKey));
    expect(verifySignedFederationConfiguration(signed, partnerKey.publicKey, expected)).toEqual(document);
    expect(
      verifySignedFederationConfiguration(signed, loadPublicKey(partnerKey.publicKey), expected),
    ).toEqual(document);
  });

  it('refuses a tampered payload and a configuration signed by another key', () => {
    const signed = signFederationConfiguration(document, privateKey, 'k');
    const tampered = { ...signed, payload: signed.payload.replace('"version":7', '"version":8') };
    expect(
      refusal(() => verifySignedFederationConfiguration(tampered, partnerKey.publicKey, expected)).message,
    ).toContain('does not verify');
    const stranger = generateSigningKeyPair();
    const forged = signFederationConfiguration(document, loadPrivateKey(stranger.privateKey), 'k');
    refusal(() => verifySignedFederationConfiguration(forged, partnerKey.publicKey, expected));
    refusal(() =>
      verifySignedFederationConfiguration({ payload: 1 } as never, partnerKey.publicKey, expected),
    );
  });

  it('refuses an unknown format and a malformed document even when signed', () => {
    expect(
      refusal(() =>
        verifySignedFederationConfiguration(
          signedRaw({ ...document, format: 'cang-federation/2' }),
          partnerKey.publicKey,
          expected,
        ),
      ).message,
    ).toContain('Unknown federation configuration format');
    const notJson = { payload: '{nope', signature: signData(privateKey, '{nope'), keyId: 'k' };
    refusal(() => verifySignedFederationConfiguration(notJson, partnerKey.publicKey, expected));
    const shapeless = signedRaw({ ...document, services: [{ id: 'x' }] });
    expect(
      refusal(() => verifySignedFederationConfiguration(shapeless, partnerKey.publicKey, expected)).message,
    ).toContain('/services/0');
  });

  it('refuses a configuration issued by another instance or made for another audience', () => {
    const signed = signFederationConfiguration(document, privateKey, 'k');
    expect(
      refusal(() =>
        verifySignedFederationConfiguration(signed, partnerKey.publicKey, { ...expected, partner: 'VN-HN' }),
      ).message,
    ).toContain('issued by VN');
    expect(
      refusal(() =>
        verifySignedFederationConfiguration(signed, partnerKey.publicKey, { ...expected, audience: 'VN-DN' }),
      ).message,
    ).toContain('made for VN-HP');
  });

  it('refuses an expired configuration and a rolled-back one', () => {
    const signed = signFederationConfiguration(document, privateKey, 'k');
    expect(
      refusal(() =>
        verifySignedFederationConfiguration(signed, partnerKey.publicKey, {
          ...expected,
          now: document.expiresAt,
        }),
      ).message,
    ).toContain('expired');
    expect(
      refusal(() =>
        verifySignedFederationConfiguration(signed, partnerKey.publicKey, { ...expected, heldVersion: 8 }),
      ).message,
    ).toContain('rollback');
  });
});
