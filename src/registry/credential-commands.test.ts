import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Base64url } from '../core/index.js';
import {
  ACTOR,
  DIALECTS,
  type RegistryFixture,
  buildOrganisation,
  buildRegistry,
  expectCangError,
  expectRefused,
  pointersOf,
} from './test-support/registry-fixtures.js';
import { makeTestCertificate } from './test-support/test-certificate.js';

const SYSTEM = 'VN-HP/GOV/SNV/CBCC';

for (const dialect of DIALECTS) {
  describe(`credentials on ${dialect}`, () => {
    let fx: RegistryFixture;
    beforeEach(async () => {
      fx = await buildRegistry(dialect);
      await fx.registry.organisations.create(ACTOR, buildOrganisation());
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SNV', { code: 'CBCC', name: 'Cán bộ' });
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('issues a token once and stores only its hash and hint', async () => {
      const issued = await fx.registry.credentials.issueToken(ACTOR, SYSTEM, { label: 'Máy chủ 1' });
      expect(issued.token).toMatch(/^cang_[A-Za-z0-9_-]{43}$/);
      expect(issued.credential).toMatchObject({
        system: SYSTEM,
        kind: 'token',
        label: 'Máy chủ 1',
        tokenHint: issued.token.slice(0, 10),
        status: 'active',
        expiresAt: null,
      });
      const row = await fx.store.db.selectFrom('credentials').selectAll().executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256Base64url(issued.token));
      expect(JSON.stringify(row)).not.toContain(issued.token);
      const audit = await fx.store.db.selectFrom('audit_events').selectAll().execute();
      expect(JSON.stringify(audit)).not.toContain(issued.token);
      expect(JSON.stringify(audit)).not.toContain(row.token_hash!);

      const listed = await fx.registry.credentials.list(SYSTEM);
      expect(listed.items).toEqual([issued.credential]);
      expect(JSON.stringify(listed)).not.toContain(row.token_hash!);
      expect(JSON.stringify(listed)).not.toContain(issued.token);
    });

    it('gives each token its own value and honours an expiry', async () => {
      const expiresAt = new Date(fx.clock.at + 86_400_000).toISOString();
      const a = await fx.registry.credentials.issueToken(ACTOR, SYSTEM, { expiresAt });
      const b = await fx.registry.credentials.issueToken(ACTOR, SYSTEM, {});
      expect(a.token).not.toBe(b.token);
      expect(a.credential.expiresAt).toBe(expiresAt);
      fx.clock.advance(86_400_001);
      expect((await fx.registry.credentials.get(SYSTEM, a.credential.id)).status).toBe('expired');
      const past = await expectCangError(
        fx.registry.credentials.issueToken(ACTOR, SYSTEM, {
          expiresAt: '2020-01-01T00:00:00Z',
          label: 7,
        } as never),
        'validation-failed',
      );
      expect(pointersOf(past)).toEqual(['/expiresAt', '/label']);
    });

    it('registers a certificate by the SHA-256 fingerprint of its DER', async () => {
      const certificate = await makeTestCertificate({ now: fx.clock.at });
      const registered = await fx.registry.credentials.registerCertificate(ACTOR, SYSTEM, {
        certificate: certificate.pem,
        label: 'mTLS',
      });
      expect(registered).toMatchObject({
        kind: 'certificate',
        certificateFingerprint: certificate.fingerprint,
      });
      expect(registered.certificateFingerprint).toMatch(/^[0-9a-f]{64}$/);
      // Without an explicit expiry the registration ends with the certificate.
      expect(Date.parse(registered.expiresAt!)).toBeGreaterThan(fx.clock.at + 86_400_000);
      await expectCangError(
        fx.registry.credentials.registerCertificate(ACTOR, SYSTEM, { certificate: certificate.pem }),
        'conflict',
      );
    });

    it('refuses a malformed certificate naming the field', async () => {
      for (const pem of ['hello', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']) {
        const error = await expectRefused(
          fx,
          () => fx.registry.credentials.registerCertificate(ACTOR, SYSTEM, { certificate: pem }),
          'validation-failed',
        );
        expect(pointersOf(error)).toEqual(['/certificate']);
      }
    });

    it('revokes a credential once and keeps it listed as revoked', async () => {
      const issued = await fx.registry.credentials.issueToken(ACTOR, SYSTEM, {});
      const revoked = await fx.registry.credentials.revoke(ACTOR, SYSTEM, issued.credential.id);
      expect(revoked).toMatchObject({ status: 'revoked', revokedAt: new Date(fx.clock.at).toISOString() });
      await expectCangError(fx.registry.credentials.revoke(ACTOR, SYSTEM, issued.credential.id), 'conflict');
      expect((await fx.registry.credentials.list(SYSTEM)).items[0]?.status).toBe('revoked');
    });

    it('does not reach a credential through another system', async () => {
      await fx.registry.systems.create(ACTOR, 'VN-HP/GOV/SNV', { code: 'OTHER', name: 'Khác' });
      const issued = await fx.registry.credentials.issueToken(ACTOR, SYSTEM, {});
      await expectCangError(
        fx.registry.credentials.get('VN-HP/GOV/SNV/OTHER', issued.credential.id),
        'not-found',
      );
      await expectCangError(
        fx.registry.credentials.revoke(ACTOR, 'VN-HP/GOV/SNV/OTHER', issued.credential.id),
        'not-found',
      );
      await expectCangError(fx.registry.credentials.issueToken(ACTOR, 'VN-HP/GOV/SNV/NONE', {}), 'not-found');
    });
  });
}
