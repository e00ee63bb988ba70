import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthorityCertificate, generateSigningKeyPair, loadPrivateKey } from '../../core/index.js';
import {
  buildPartner,
  buildPartnerConfiguration,
  TestFederationConfigurations,
  type TestPartner,
} from '../test-support/federation-fixtures.js';
import {
  ACTOR,
  buildExchangePair,
  buildRegistry,
  buildService,
  DIALECTS,
  expectCangError,
  pointersOf,
  type RegistryFixture,
} from '../test-support/registry-fixtures.js';

const FOREIGN_SYSTEM = 'VN/GOV/BCA/CSDLQG-DC';

for (const dialect of DIALECTS) {
  describe(`federation partners, offers and outbound policy on ${dialect}`, () => {
    let fx: RegistryFixture;
    let configurations: TestFederationConfigurations;
    let partner: TestPartner;
    let pair: Awaited<ReturnType<typeof buildExchangePair>>;
    beforeEach(async () => {
      configurations = new TestFederationConfigurations();
      fx = await buildRegistry(dialect, { federationConfigurations: configurations });
      partner = await buildPartner('VN');
      pair = await buildExchangePair(fx.registry);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    async function auditActions(): Promise<string[]> {
      const rows = await fx.store.db.selectFrom('audit_events').select('action').orderBy('id').execute();
      return rows.map((row) => row.action);
    }

    it('trusts a partner from its anchor, audited, and bumps the configuration version', async () => {
      const before = await fx.registry.configVersion();
      const added = await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      expect(added).toMatchObject({
        instance: 'VN',
        publicKey: partner.registryKey.publicKey,
        certificate: partner.certificate.trim(),
        configurationUrls: partner.anchor.configurationUrls,
      });
      expect(await fx.registry.configVersion()).toBe(before + 1);
      expect(await fx.registry.federation.partners.get('VN')).toEqual(added);
      expect((await fx.registry.federation.partners.list()).items).toEqual([added]);
      expect(await auditActions()).toContain('federation.partner.add');
      await expectCangError(fx.registry.federation.partners.get('VN-HN'), 'partner-unknown');
    });

    it('names the field of every bad anchor and stores none of them', async () => {
      const other = generateSigningKeyPair();
      const cases: [string, unknown, string][] = [
        ['unknown format', { ...partner.anchor, format: 'cang-anchor/9' }, '/format'],
        ['no configuration URL', { ...partner.anchor, configurationUrls: [] }, '/configurationUrls'],
        ['an extra field', { ...partner.anchor, baseUrl: 'https://x' }, '/baseUrl'],
        ['a malformed instance', { ...partner.anchor, instance: 'VN/GOV' }, '/instance'],
        ['a key that is not Ed25519 SPKI', { ...partner.anchor, publicKey: 'bm90LWEta2V5' }, '/publicKey'],
        ['a certificate of another key', { ...partner.anchor, publicKey: other.publicKey }, '/certificate'],
        [
          'a certificate that is not PEM',
          { ...partner.anchor, certificate: 'not a certificate' },
          '/certificate',
        ],
        ['a certificate of another instance', { ...partner.anchor, instance: 'VN-HN' }, '/certificate'],
        [
          'an http URL',
          { ...partner.anchor, configurationUrls: ['http://x1.vn.example/c'] },
          '/configurationUrls/0',
        ],
        [
          'a URL with credentials',
          { ...partner.anchor, configurationUrls: ['https://x1.vn.example/c', 'https://u:p@x.example/c'] },
          '/configurationUrls/1',
        ],
      ];
      for (const [why, anchor, pointer] of cases) {
        const error = await expectCangError(
          fx.registry.federation.partners.add(ACTOR, anchor),
          'validation-failed',
        );
        expect(pointersOf(error), why).toContain(pointer);
      }
      // Our own anchor, certificate and all, is refused by the instance it names.
      const ourKey = generateSigningKeyPair();
      const ours = {
        ...partner.anchor,
        instance: 'VN-HP',
        publicKey: ourKey.publicKey,
        certificate: await createAuthorityCertificate(loadPrivateKey(ourKey.privateKey), 'VN-HP'),
      };
      const own = await expectCangError(
        fx.registry.federation.partners.add(ACTOR, ours),
        'validation-failed',
      );
      expect(pointersOf(own)).toEqual(['/instance']);
      expect((await fx.registry.federation.partners.list()).items).toEqual([]);
    });

    it('replaces a partner’s anchor on a rotation and keeps what is offered to it', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      const rotated = await buildPartner('VN');
      const replaced = await fx.registry.federation.partners.add(ACTOR, rotated.anchor);
      expect(replaced.publicKey).toBe(rotated.registryKey.publicKey);
      expect((await fx.registry.federation.offers.list('VN')).items).toHaveLength(1);
      expect(await auditActions()).toContain('federation.partner.replace');
    });

    it('offers a service to a partner, changes its OpenAPI opt-in and withdraws it', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      const offered = await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      expect(offered).toMatchObject({ partner: 'VN', service: pair.service, publishOpenapi: false });
      const version = await fx.registry.configVersion();
      const opted = await fx.registry.federation.offers.set(ACTOR, 'VN', {
        service: pair.service,
        publishOpenapi: true,
      });
      expect(opted).toEqual({ ...offered, publishOpenapi: true });
      expect(await fx.registry.configVersion()).toBe(version + 1);
      expect((await fx.registry.federation.offers.list('VN')).items).toEqual([opted]);
      await fx.registry.federation.offers.remove(ACTOR, 'VN', pair.service);
      expect((await fx.registry.federation.offers.list('VN')).items).toEqual([]);
      await expectCangError(fx.registry.federation.offers.remove(ACTOR, 'VN', pair.service), 'not-found');
    });

    it('lists offers page by page in service order, continuing by service id', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      const services = [pair.service];
      for (const code of ['b-dich-vu', 'c-dich-vu']) {
        services.push((await fx.registry.services.create(ACTOR, pair.provider, buildService({ code }))).id);
      }
      for (const service of services) await fx.registry.federation.offers.set(ACTOR, 'VN', { service });
      const first = await fx.registry.federation.offers.list('VN', { limit: 2 });
      expect(first.items.map((offer) => offer.service)).toEqual([...services].sort().slice(0, 2));
      expect(first.nextCursor).not.toBeNull();
      const second = await fx.registry.federation.offers.list('VN', { limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((offer) => offer.service)).toEqual([...services].sort().slice(2));
      expect(second.nextCursor).toBeNull();
    });

    it('refuses offers to an unknown partner and of an unknown service', async () => {
      await expectCangError(
        fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service }),
        'partner-unknown',
      );
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      await expectCangError(
        fx.registry.federation.offers.set(ACTOR, 'VN', { service: `${pair.provider}/none` }),
        'not-found',
      );
      const bad = await expectCangError(
        fx.registry.federation.offers.set(ACTOR, 'VN', { service: 'x', publishOpenapi: 'yes' } as never),
        'validation-failed',
      );
      expect(pointersOf(bad)).toEqual(['/publishOpenapi', '/service']);
    });

    it('keeps the outbound policy closed until a local system is allowed, and refuses foreign ones', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      expect((await fx.registry.federation.outbound.list('VN')).items).toEqual([]);
      const allowed = await fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: pair.client });
      expect(allowed).toMatchObject({ partner: 'VN', client: pair.client });
      expect(await fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: pair.client })).toEqual(
        allowed,
      );
      expect((await fx.registry.federation.outbound.list('VN')).items).toEqual([allowed]);
      const foreign = await expectCangError(
        fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: FOREIGN_SYSTEM }),
        'validation-failed',
      );
      expect(pointersOf(foreign)).toEqual(['/client']);
      await expectCangError(
        fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: 'VN-HP/GOV/SNV/NONE' }),
        'not-found',
      );
      await fx.registry.federation.outbound.revoke(ACTOR, 'VN', pair.client);
      expect((await fx.registry.federation.outbound.list('VN')).items).toEqual([]);
      await expectCangError(fx.registry.federation.outbound.revoke(ACTOR, 'VN', pair.client), 'not-found');
    });

    it('grants a foreign system only when its trusted partner’s configuration lists it and the service is offered', async () => {
      const grant = { client: FOREIGN_SYSTEM, service: pair.service };
      const untrusted = await expectCangError(fx.registry.grants.create(ACTOR, grant), 'validation-failed');
      expect(untrusted.errors?.[0]?.detail).toContain('not a trusted partner');
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      const unfetched = await expectCangError(fx.registry.grants.create(ACTOR, grant), 'validation-failed');
      expect(pointersOf(unfetched)).toEqual(['/client', '/service']);
      expect(unfetched.errors?.find((e) => e.pointer === '/client')?.detail).toContain(
        'no valid federation configuration',
      );

      configurations.held.set('VN', buildPartnerConfiguration('VN'));
      const notOffered = await expectCangError(fx.registry.grants.create(ACTOR, grant), 'validation-failed');
      expect(pointersOf(notOffered)).toEqual(['/service']);
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      const unlisted = await expectCangError(
        fx.registry.grants.create(ACTOR, { ...grant, client: 'VN/GOV/BCA/OTHER' }),
        'validation-failed',
      );
      expect(unlisted.errors?.[0]?.detail).toContain('does not list');
      expect(
        await fx.store.db.selectFrom('systems').select('id').where('id', 'like', 'VN/%').execute(),
      ).toEqual([]);

      const created = await fx.registry.grants.create(ACTOR, grant);
      expect(created).toMatchObject({ client: FOREIGN_SYSTEM, service: pair.service });
      expect(await fx.registry.systems.get(FOREIGN_SYSTEM)).toMatchObject({
        organisation: 'VN/GOV/BCA',
        name: 'Cơ sở dữ liệu quốc gia về dân cư',
      });
      expect(await fx.registry.organisations.get('VN/GOV/BCA')).toMatchObject({
        instance: 'VN',
        name: 'Bộ Công an',
      });
      expect(await auditActions()).toEqual(
        expect.arrayContaining([
          'federation.foreign-organisation.create',
          'federation.foreign-system.create',
        ]),
      );
      // A second grant reuses the rows made for the first.
      const again = await fx.registry.grants.create(ACTOR, { ...grant, methods: ['GET'] });
      expect(again.client).toBe(FOREIGN_SYSTEM);
    });

    it('refuses a credential for a foreign system, and a system or service under a foreign instance', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      configurations.held.set('VN', buildPartnerConfiguration('VN'));
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      await fx.registry.grants.create(ACTOR, { client: FOREIGN_SYSTEM, service: pair.service });
      await expectCangError(fx.registry.credentials.issueToken(ACTOR, FOREIGN_SYSTEM, {}), 'conflict');
      await expectCangError(
        fx.registry.credentials.registerCertificate(ACTOR, FOREIGN_SYSTEM, {
          certificate: partner.certificate,
        }),
        'conflict',
      );
      await expectCangError(
        fx.registry.services.create(ACTOR, FOREIGN_SYSTEM, {
          code: 'tra-cuu',
          name: 'Tra cứu',
          baseUrl: 'https://provider.example/api',
        }),
        'conflict',
      );
      await expectCangError(
        fx.registry.systems.create(ACTOR, 'VN/GOV/BCA', { code: 'NEW', name: 'Hệ thống mới' }),
        'conflict',
      );
      expect(await fx.store.db.selectFrom('credentials').select('id').execute()).toEqual([]);
    });

    it('removes a partner with its offers, outbound policy, foreign systems and their grants in one write', async () => {
      await fx.registry.federation.partners.add(ACTOR, partner.anchor);
      configurations.held.set('VN', buildPartnerConfiguration('VN'));
      await fx.registry.federation.offers.set(ACTOR, 'VN', { service: pair.service });
      await fx.registry.federation.outbound.allow(ACTOR, 'VN', { client: pair.client });
      const foreignGrant = await fx.registry.grants.create(ACTOR, {
        client: FOREIGN_SYSTEM,
        service: pair.service,
      });
      const localGrant = await fx.registry.grants.create(ACTOR, {
        client: pair.client,
        service: pair.service,
      });
      const version = await fx.registry.configVersion();

      await fx.registry.federation.partners.remove(ACTOR, 'VN');
      expect(await fx.registry.configVersion()).toBe(version + 1);
      await expectCangError(fx.registry.federation.partners.get('VN'), 'partner-unknown');
      await expectCangError(fx.registry.grants.get(foreignGrant.id), 'not-found');
      expect((await fx.registry.grants.get(localGrant.id)).id).toBe(localGrant.id);
      await expectCangError(fx.registry.organisations.get('VN/GOV/BCA'), 'not-found');
      expect(await fx.store.db.selectFrom('federation_offers').select('partner').execute()).toEqual([]);
      expect(await fx.store.db.selectFrom('federation_outbound').select('partner').execute()).toEqual([]);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'federation.partner.remove')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details!)).toEqual({
        offers: 1,
        outboundClients: 1,
        grants: 1,
        organisations: 1,
      });
      await expectCangError(fx.registry.federation.partners.remove(ACTOR, 'VN'), 'partner-unknown');
    });

    it('exports our anchor from the federating nodes, which another instance then trusts', async () => {
      const registryKey = generateSigningKeyPair();
      const certificate = await createAuthorityCertificate(loadPrivateKey(registryKey.privateKey), 'VN-HP');
      const authority = { publicKey: registryKey.publicKey, certificate };
      await expectCangError(fx.registry.federation.partners.exportAnchor(authority), 'conflict');
      await fx.registry.nodes.ensureRegistered(ACTOR, 'hp-x1', generateSigningKeyPair().publicKey, {
        address: 'https://x1.cang.haiphong.example:8443',
        tlsFingerprint: 'cd'.repeat(32),
      });
      const anchor = await fx.registry.federation.partners.exportAnchor(authority);
      expect(anchor).toEqual({
        format: 'cang-anchor/1',
        instance: 'VN-HP',
        publicKey: registryKey.publicKey,
        certificate,
        configurationUrls: ['https://x1.cang.haiphong.example:8443/federation/v1/configuration'],
        generatedAt: fx.clock.at,
      });
      const named = await fx.registry.federation.partners.exportAnchor(authority, ['https://lb.example/c']);
      expect(named.configurationUrls).toEqual(['https://lb.example/c']);
      const bad = await expectCangError(
        fx.registry.federation.partners.exportAnchor(authority, ['http://lb.example/c']),
        'validation-failed',
      );
      expect(pointersOf(bad)).toEqual(['/configurationUrls/0']);

      const national = await buildRegistry(dialect, { instance: 'VN' });
      try {
        const trusted = await national.registry.federation.partners.add(
          ACTOR,
          JSON.parse(JSON.stringify(anchor)),
        );
        expect(trusted.instance).toBe('VN-HP');
      } finally {
        await national.store.close();
      }
    });
  });
}
