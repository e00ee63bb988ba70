import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceInput } from './service-schemas.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildGrant,
  buildOrganisation,
  buildRegistry,
  buildService,
  expectCangError,
  expectRefused,
  pointersOf,
} from './test-support/registry-fixtures.js';

const SYSTEM = 'VN-HP/GOV/STP/HOTICH';
const OPENAPI = JSON.stringify({ openapi: '3.1.0', info: { title: 'Hộ tịch', version: '1' }, paths: {} });

for (const dialect of DIALECTS) {
  describe(`services on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      await fx.registry.organisations.create(ACTOR, buildOrganisation({ code: 'STP', name: 'Sở Tư pháp' }));
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/STP', { code: 'HOTICH', name: 'Hộ tịch' });
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('creates a service with defaults and a normalised base URL', async () => {
      const created = await fx.registry.services.create(
        ACTOR,
        SYSTEM,
        buildService({ baseUrl: 'https://HoTich.Example/api/v1//' }),
      );
      expect(created).toMatchObject({
        id: `${SYSTEM}/tra-cuu`,
        system: SYSTEM,
        baseUrl: 'https://hotich.example/api/v1',
        hasOpenapi: false,
        enabled: true,
        timeoutMs: 30_000,
        maxBodyBytes: 10 * 1024 * 1024,
        logBodies: false,
      });
      expect(await fx.registry.services.get(created.id)).toEqual(created);
      expect((await fx.registry.services.list(SYSTEM)).items).toEqual([created]);
    });

    it('stores an OpenAPI document and changes a service with a patch', async () => {
      const created = await fx.registry.services.create(ACTOR, SYSTEM, buildService({ openapi: OPENAPI }));
      expect(created.hasOpenapi).toBe(true);
      expect(await fx.registry.services.openapi(created.id)).toMatchObject({ openapi: '3.1.0' });
      const patched = await fx.registry.services.update(ACTOR, created.id, {
        enabled: false,
        timeoutMs: 5000,
        openapi: null,
        baseUrl: 'http://10.0.0.5:8080/',
      });
      expect(patched).toMatchObject({
        enabled: false,
        timeoutMs: 5000,
        hasOpenapi: false,
        baseUrl: 'http://10.0.0.5:8080',
      });
      expect(await fx.registry.services.openapi(created.id)).toBeNull();
    });

    it('names each bad field of a service', async () => {
      const error = await expectCangError(
        fx.registry.services.create(ACTOR, SYSTEM, {
          code: 'ok',
          name: 'Dịch vụ',
          baseUrl: 'https://x.example/api?token=1',
          openapi: '{"info":{}}',
          timeoutMs: 0,
          maxBodyBytes: 2 * 1024 * 1024 * 1024,
          logBodies: 'yes',
        } as unknown as ServiceInput),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual([
        '/baseUrl',
        '/logBodies',
        '/maxBodyBytes',
        '/openapi',
        '/timeoutMs',
      ]);

      for (const baseUrl of [
        'ftp://x.example',
        'not a url',
        'https://u:p@x.example',
        'https://x.example/#top',
      ]) {
        const bad = await expectCangError(
          fx.registry.services.create(ACTOR, SYSTEM, buildService({ baseUrl })),
          'validation-failed',
        );
        expect(pointersOf(bad)).toEqual(['/baseUrl']);
      }
      const notJson = await expectCangError(
        fx.registry.services.create(ACTOR, SYSTEM, buildService({ openapi: '{nope' })),
        'validation-failed',
      );
      expect(pointersOf(notJson)).toEqual(['/openapi']);
    });

    it('refuses a duplicate service and one of an unknown system', async () => {
      await fx.registry.services.create(ACTOR, SYSTEM, buildService());
      await expectRefused(fx, () => fx.registry.services.create(ACTOR, SYSTEM, buildService()), 'conflict');
      await expectRefused(
        fx,
        () => fx.registry.services.create(ACTOR, `${SYSTEM}X`, buildService()),
        'not-found',
      );
    });

    it('refuses to delete a service that grants still name', async () => {
      await fx.registry.organisations.create(ACTOR, buildOrganisation({ code: 'SNV', name: 'Sở Nội vụ' }));
      const client = await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SNV', {
        code: 'CBCC',
        name: 'Cán bộ',
      });
      const service = await fx.registry.services.create(ACTOR, SYSTEM, buildService());
      const pair = { client: client.id, service: service.id };
      const grant = await fx.registry.grants.create(ACTOR, buildGrant(pair));
      await expectRefused(fx, () => fx.registry.services.delete(ACTOR, pair.service), 'conflict');
      await fx.registry.grants.delete(ACTOR, grant.id);
      await fx.registry.services.delete(ACTOR, pair.service);
      await expectCangError(fx.registry.services.get(pair.service), 'not-found');
    });
  });
}
