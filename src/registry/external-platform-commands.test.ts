import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecret } from '../core/index.js';
import type { ExternalPlatformInput } from './external-platform-schemas.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  TEST_SECRETS_KEY,
  buildOrganisation,
  buildRegistry,
  buildService,
  expectCangError,
  pointersOf,
} from './test-support/registry-fixtures.js';

const SYSTEM = 'VN-HP/GOV/NDXP/API';
const OAUTH: ExternalPlatformInput = {
  kind: 'oauth2-client-credentials',
  origin: 'https://api.ndxp.example',
  tokenUrl: 'https://sso.ndxp.example/oauth2/token',
  clientId: 'vn-hp-lgsp',
  scope: 'lgsp.read lgsp.write',
  secret: 'client-secret-of-the-city',
};

for (const dialect of DIALECTS) {
  describe(`external platforms on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      await fx.registry.organisations.create(
        ACTOR,
        buildOrganisation({ code: 'NDXP', name: 'Nền tảng NDXP' }),
      );
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/NDXP', { code: 'API', name: 'Cổng API NDXP' });
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('binds a system to a platform, keeps the secret sealed, and never shows or audits it', async () => {
      const shown = await fx.registry.externalPlatforms.set(ACTOR, SYSTEM, OAUTH);
      expect(shown).toMatchObject({
        system: SYSTEM,
        kind: OAUTH.kind,
        origin: OAUTH.origin,
        secretSet: true,
      });
      expect(JSON.stringify(shown)).not.toContain(OAUTH.secret);
      const row = await fx.store.db.selectFrom('external_platforms').selectAll().executeTakeFirstOrThrow();
      expect(row.sealed_secret).not.toContain(OAUTH.secret);
      expect(openSecret(TEST_SECRETS_KEY, row.sealed_secret, SYSTEM)).toBe(OAUTH.secret);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', 'like', 'external-platform%')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toContain(OAUTH.secret);

      const snapshot = await fx.registry.buildSnapshot({ expiresInSeconds: 60 });
      expect(snapshot.externalPlatforms).toEqual([
        {
          system: SYSTEM,
          origin: 'https://api.ndxp.example',
          kind: 'oauth2-client-credentials',
          tokenUrl: OAUTH.tokenUrl,
          clientId: OAUTH.clientId,
          scope: OAUTH.scope,
          header: null,
          sealedSecret: row.sealed_secret,
        },
      ]);
      expect(JSON.stringify(snapshot)).not.toContain(OAUTH.secret);

      const replaced = await fx.registry.externalPlatforms.set(ACTOR, SYSTEM, {
        kind: 'api-key',
        origin: 'https://api.ndxp.example',
        header: 'X-API-Key',
        secret: 'api-key-value',
      });
      expect(replaced).toMatchObject({
        kind: 'api-key',
        header: 'X-API-Key',
        tokenUrl: null,
        clientId: null,
      });
      await fx.registry.externalPlatforms.delete(ACTOR, SYSTEM);
      await expectCangError(fx.registry.externalPlatforms.get(SYSTEM), 'not-found');
    });

    it('names every field the chosen kind lacks or does not take, and writes nothing', async () => {
      const version = await fx.registry.configVersion();
      const missing = await expectCangError(
        fx.registry.externalPlatforms.set(ACTOR, SYSTEM, {
          kind: 'oauth2-client-credentials',
          origin: 'http://api.ndxp.example',
          header: 'X-API-Key',
          secret: 'x',
        }),
        'validation-failed',
      );
      expect(pointersOf(missing).sort()).toEqual(['/clientId', '/header', '/origin', '/tokenUrl']);
      const reserved = await expectCangError(
        fx.registry.externalPlatforms.set(ACTOR, SYSTEM, {
          kind: 'api-key',
          origin: 'https://api.ndxp.example',
          header: 'X-Cang-Client',
          secret: 'x',
        }),
        'validation-failed',
      );
      expect(pointersOf(reserved)).toEqual(['/header']);
      const unprintable = await expectCangError(
        fx.registry.externalPlatforms.set(ACTOR, SYSTEM, { ...OAUTH, secret: 'bí mật' }),
        'validation-failed',
      );
      expect(pointersOf(unprintable)).toEqual(['/secret']);
      expect(await fx.registry.configVersion()).toBe(version);
      expect(await fx.store.db.selectFrom('external_platforms').selectAll().execute()).toEqual([]);
    });

    it("keeps the platform's services on its origin, so its credential goes nowhere else", async () => {
      await fx.registry.services.create(
        ACTOR,
        SYSTEM,
        buildService({ code: 'dan-cu', baseUrl: 'https://elsewhere.example/api' }),
      );
      await expectCangError(fx.registry.externalPlatforms.set(ACTOR, SYSTEM, OAUTH), 'conflict');
      await fx.registry.services.update(ACTOR, `${SYSTEM}/dan-cu`, {
        baseUrl: 'https://api.ndxp.example/dan-cu',
      });
      await fx.registry.externalPlatforms.set(ACTOR, SYSTEM, OAUTH);
      const moved = await expectCangError(
        fx.registry.services.update(ACTOR, `${SYSTEM}/dan-cu`, { baseUrl: 'https://attacker.example/x' }),
        'validation-failed',
      );
      expect(pointersOf(moved)).toEqual(['/baseUrl']);
      await expectCangError(
        fx.registry.services.create(
          ACTOR,
          SYSTEM,
          buildService({ code: 'khac', baseUrl: 'http://api.ndxp.example/x' }),
        ),
        'validation-failed',
      );
      expect((await fx.registry.services.get(`${SYSTEM}/dan-cu`)).baseUrl).toBe(
        'https://api.ndxp.example/dan-cu',
      );
    });

    it('drops the binding with its system', async () => {
      await fx.registry.externalPlatforms.set(ACTOR, SYSTEM, OAUTH);
      await fx.registry.systems.delete(ACTOR, SYSTEM);
      expect(await fx.store.db.selectFrom('external_platforms').selectAll().execute()).toEqual([]);
    });
  });
}
