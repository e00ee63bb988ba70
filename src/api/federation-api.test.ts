import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { createAuthorityCertificate, generateSigningKeyPair, loadPrivateKey } from '../core/index.js';
import type {
  ConfigurationAnchor,
  FederationConfiguration,
  FederationStatus,
  PartnerConfigurationStatus,
} from '../registry/index.js';
import { type ApiHarness, expectRefusal, readJson, startApi } from './test-support/api-harness.js';

const PROVIDER = 'VN-HP/GOV/STP';
const OTHER = 'VN-HP/GOV/SNV';
const SERVICE = `${PROVIDER}/HOTICH/khai-sinh`;
const CLIENT = `${OTHER}/HRM`;
const FOREIGN_SYSTEM = 'VN/GOV/BCA/CSDLQG-DC';
const PARTNER = '/api/v1/federation/partners/VN';

/** The partners' configurations as a test sets them, standing in for the exchange's polling. */
class HeldConfigurations implements FederationStatus {
  readonly held = new Map<string, FederationConfiguration>();
  readonly statuses = new Map<string, PartnerConfigurationStatus>();
  current(instance: string) {
    return this.held.get(instance);
  }
  status(instance: string) {
    return this.statuses.get(instance);
  }
}

async function partnerAnchor(instance: string): Promise<ConfigurationAnchor> {
  const key = generateSigningKeyPair();
  return {
    format: 'cang-anchor/1',
    instance,
    publicKey: key.publicKey,
    certificate: await createAuthorityCertificate(loadPrivateKey(key.privateKey), instance),
    configurationUrls: ['https://x1.ndxp.example:8443/federation/v1/configuration'],
    generatedAt: Date.now(),
  };
}

function nationalConfiguration(): FederationConfiguration {
  const now = Date.now();
  return {
    format: 'cang-federation/1',
    instance: 'VN',
    partner: 'VN-HP',
    version: 12,
    issuedAt: now,
    expiresAt: now + 3_600_000,
    nodes: [{ id: 'vn-x1', address: 'https://x1.ndxp.example:8443', tlsFingerprints: ['aa'.repeat(32)] }],
    organisations: [{ id: 'VN/GOV/BCA', name: 'Bộ Công an' }],
    systems: [{ id: FOREIGN_SYSTEM, name: 'Cơ sở dữ liệu quốc gia về dân cư' }],
    services: [
      {
        id: 'VN/GOV/BCA/CSDLQG-DC/tra-cuu-cong-dan',
        name: 'Tra cứu thông tin công dân',
        enabled: true,
        timeoutMs: 10_000,
        maxBodyBytes: 1_048_576,
        openapi: null,
        grants: [
          { client: CLIENT, methods: ['GET'], pathPatterns: null, quotaPerMinute: 60, expiresAt: null },
        ],
      },
    ],
  };
}

for (const dialect of DIALECTS) {
  describe(`admin API federation on ${dialect}`, () => {
    let api: ApiHarness | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    async function start(configurations = new HeldConfigurations()) {
      const registryKey = generateSigningKeyPair();
      const certificate = await createAuthorityCertificate(loadPrivateKey(registryKey.privateKey), 'VN-HP');
      api = await startApi(dialect, {
        federationStatus: configurations,
        anchorAuthority: async () => ({ publicKey: registryKey.publicKey, certificate }),
      });
      const admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      const post = async (path: string, body: unknown) => {
        const response = await api!.call('POST', path, { cookie: admin }, body);
        expect(response.status, `${path} ${await response.clone().text()}`).toBe(201);
        return readJson<Record<string, unknown>>(response);
      };
      await post('/api/v1/organisations', { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
      await post('/api/v1/organisations', { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' });
      await post(`/api/v1/organisations/${PROVIDER}/systems`, { code: 'HOTICH', name: 'Hộ tịch' });
      await post(`/api/v1/organisations/${OTHER}/systems`, { code: 'HRM', name: 'Quản lý cán bộ' });
      await post(`/api/v1/organisations/${PROVIDER}/systems/HOTICH/services`, {
        code: 'khai-sinh',
        name: 'Tra cứu khai sinh',
        baseUrl: 'https://hotich.example/api',
      });
      return { api, admin, post, registryKey, certificate, configurations };
    }

    it('lets a platform administrator export our anchor, trust a partner and set the outbound policy', async () => {
      const { api, admin, post, registryKey, certificate } = await start();
      await expectRefusal(
        await api.call('GET', '/api/v1/federation/anchor', { cookie: admin }),
        409,
        'conflict',
      );
      await api.registry.nodes.ensureRegistered(
        { id: 'system:test' },
        'hp-x1',
        generateSigningKeyPair().publicKey,
        {
          address: 'https://x1.cang.haiphong.example:8443',
          tlsFingerprint: 'bb'.repeat(32),
        },
      );
      const anchor = await readJson<ConfigurationAnchor>(
        await api.call('GET', '/api/v1/federation/anchor', { cookie: admin }),
      );
      expect(anchor).toMatchObject({
        format: 'cang-anchor/1',
        instance: 'VN-HP',
        publicKey: registryKey.publicKey,
        certificate,
        configurationUrls: ['https://x1.cang.haiphong.example:8443/federation/v1/configuration'],
      });

      const national = await partnerAnchor('VN');
      const added = await post('/api/v1/federation/partners', national);
      expect(added).toMatchObject({ instance: 'VN', publicKey: national.publicKey });
      const list = await readJson<{ items: { instance: string }[] }>(
        await api.call('GET', '/api/v1/federation/partners', { cookie: admin }),
      );
      expect(list.items.map((partner) => partner.instance)).toEqual(['VN']);
      expect(await readJson(await api.call('GET', PARTNER, { cookie: admin }))).toEqual(added);

      expect(await post(`${PARTNER}/outbound`, { client: CLIENT })).toMatchObject({
        partner: 'VN',
        client: CLIENT,
      });
      const outbound = await readJson<{ items: unknown[] }>(
        await api.call('GET', `${PARTNER}/outbound`, { cookie: admin }),
      );
      expect(outbound.items).toHaveLength(1);
      expect((await api.call('DELETE', `${PARTNER}/outbound/${CLIENT}`, { cookie: admin })).status).toBe(204);

      expect((await api.call('DELETE', PARTNER, { cookie: admin })).status).toBe(204);
      await expectRefusal(await api.call('GET', PARTNER, { cookie: admin }), 404, 'partner-unknown');
    });

    it('answers a bad anchor with a problem naming each bad field', async () => {
      const { api, admin } = await start();
      const national = await partnerAnchor('VN');
      const refused = await expectRefusal(
        await api.call(
          'POST',
          '/api/v1/federation/partners',
          { cookie: admin },
          { ...national, instance: 'VN-HP', configurationUrls: ['http://x1.ndxp.example/c'] },
        ),
        400,
        'validation-failed',
      );
      expect(refused.errors?.map((problem) => problem.pointer).sort()).toEqual([
        '/certificate',
        '/configurationUrls/0',
        '/instance',
      ]);
      const schema = await expectRefusal(
        await api.call(
          'POST',
          '/api/v1/federation/partners',
          { cookie: admin },
          { ...national, format: 'x' },
        ),
        400,
        'validation-failed',
      );
      expect(schema.errors?.map((problem) => problem.pointer)).toContain('/format');
    });

    it('lets an organisation administrator offer its own service and grant a partner’s system listed in its configuration', async () => {
      const configurations = new HeldConfigurations();
      const { api, post } = await start(configurations);
      await post('/api/v1/federation/partners', await partnerAnchor('VN'));
      const provider = await api.sessionFor('lan', [{ role: 'org-admin', scope: PROVIDER }]);
      const offer = await api.call('POST', `${PARTNER}/offers`, { cookie: provider }, { service: SERVICE });
      expect(offer.status).toBe(201);
      expect(await readJson(offer)).toMatchObject({ partner: 'VN', service: SERVICE, publishOpenapi: false });

      const grant = { client: FOREIGN_SYSTEM, service: SERVICE };
      const unfetched = await expectRefusal(
        await api.call('POST', '/api/v1/grants', { cookie: provider }, grant),
        400,
        'validation-failed',
      );
      expect(unfetched.errors?.map((problem) => problem.pointer)).toEqual(['/client']);
      configurations.held.set('VN', nationalConfiguration());
      const granted = await api.call('POST', '/api/v1/grants', { cookie: provider }, grant);
      expect(granted.status).toBe(201);

      const offers = await readJson<{ items: { service: string }[] }>(
        await api.call('GET', `${PARTNER}/offers`, { cookie: provider }),
      );
      expect(offers.items.map((item) => item.service)).toEqual([SERVICE]);
      const withdrawn = await api.call('DELETE', `${PARTNER}/offers/${SERVICE}`, { cookie: provider });
      expect(withdrawn.status).toBe(204);
    });

    it('shows a partner’s configuration status and the services and systems it shows us', async () => {
      const configurations = new HeldConfigurations();
      const { api, admin, post } = await start(configurations);
      await post('/api/v1/federation/partners', await partnerAnchor('VN'));
      const missing = await readJson<Record<string, unknown>>(
        await api.call('GET', `${PARTNER}/status`, { cookie: admin }),
      );
      expect(missing).toMatchObject({
        instance: 'VN',
        state: 'missing',
        version: null,
        services: [],
        systems: [],
      });

      const configuration = nationalConfiguration();
      configurations.held.set('VN', configuration);
      const fetchedAt = Date.now();
      configurations.statuses.set('VN', {
        version: 12,
        fetchedAt,
        expiresAt: configuration.expiresAt,
        lastError: 'connect ECONNREFUSED 10.0.0.9:8443',
        lastAttemptAt: fetchedAt + 30_000,
      });
      const auditor = await api.sessionFor('kiem-toan', [{ role: 'auditor' }]);
      const status = await readJson<Record<string, unknown>>(
        await api.call('GET', `${PARTNER}/status`, { cookie: auditor }),
      );
      expect(status).toEqual({
        instance: 'VN',
        state: 'valid',
        version: 12,
        fetchedAt: new Date(fetchedAt).toISOString(),
        expiresAt: new Date(configuration.expiresAt).toISOString(),
        lastAttemptAt: new Date(fetchedAt + 30_000).toISOString(),
        lastError: 'connect ECONNREFUSED 10.0.0.9:8443',
        services: [
          {
            id: 'VN/GOV/BCA/CSDLQG-DC/tra-cuu-cong-dan',
            name: 'Tra cứu thông tin công dân',
            enabled: true,
            hasOpenapi: false,
            grantedTo: [CLIENT],
          },
        ],
        systems: [{ id: FOREIGN_SYSTEM, name: 'Cơ sở dữ liệu quốc gia về dân cư' }],
      });
      await expectRefusal(
        await api.call('GET', '/api/v1/federation/partners/VN-HN/status', { cookie: admin }),
        404,
        'partner-unknown',
      );
    });

    it('refuses trust, outbound policy and another organisation’s offers to those whose roles do not allow them', async () => {
      const { api, post } = await start();
      await post('/api/v1/federation/partners', await partnerAnchor('VN'));
      await post(`${PARTNER}/offers`, { service: SERVICE });
      await post(`${PARTNER}/outbound`, { client: CLIENT });
      const otherAdmin = await api.sessionFor('minh', [{ role: 'org-admin', scope: OTHER }]);
      const auditor = await api.sessionFor('kiem-toan', [{ role: 'auditor' }]);
      const leader = await api.sessionFor('lanh-dao', [{ role: 'leader' }]);
      const anotherAnchor = await partnerAnchor('VN-HN');
      const writes: [string, string, unknown][] = [
        ['GET', '/api/v1/federation/anchor', undefined],
        ['POST', '/api/v1/federation/partners', anotherAnchor],
        ['DELETE', PARTNER, undefined],
        ['POST', `${PARTNER}/offers`, { service: SERVICE }],
        ['DELETE', `${PARTNER}/offers/${SERVICE}`, undefined],
        ['POST', `${PARTNER}/outbound`, { client: CLIENT }],
        ['DELETE', `${PARTNER}/outbound/${CLIENT}`, undefined],
      ];
      for (const [method, path, body] of writes) {
        for (const [who, cookie] of [
          ['org-admin of another organisation', otherAdmin],
          ['auditor', auditor],
        ] as const) {
          const problem = await expectRefusal(
            await api.call(method, path, { cookie }, body),
            403,
            'forbidden',
            `${who} ${method} ${path}`,
          );
          expect(problem.detail).not.toContain(PROVIDER);
        }
        await expectRefusal(
          await api.call(method, path, {}, body),
          401,
          'unauthenticated',
          `anonymous ${method} ${path}`,
        );
      }
      for (const path of [
        '/api/v1/federation/partners',
        PARTNER,
        `${PARTNER}/status`,
        `${PARTNER}/offers`,
        `${PARTNER}/outbound`,
      ]) {
        await expectRefusal(
          await api.call('GET', path, { cookie: leader }),
          403,
          'forbidden',
          `leader GET ${path}`,
        );
      }
      // Nothing changed: still one partner, one offer, one outbound client.
      const state = await api.registry.federation.partners.list();
      expect(state.items.map((partner) => partner.instance)).toEqual(['VN']);
      expect((await api.registry.federation.offers.list('VN')).items).toHaveLength(1);
      expect((await api.registry.federation.outbound.list('VN')).items).toHaveLength(1);
    });
  });
}
