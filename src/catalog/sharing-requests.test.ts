import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharingRequestInput } from './sharing-request-schemas.js';
import {
  ACTOR,
  buildCatalog,
  type CatalogFixture,
  DIALECTS,
  expectCangError,
  HOTICH_SERVICE,
  publishPair,
  SNV,
  SNV_SYSTEM,
  STP,
} from './test-support/catalog-fixtures.js';

const DAY = 86_400_000;
const REQUESTER = { id: 'user:snv-admin', remoteAddress: '198.51.100.4' };
const OWNER = { id: 'user:stp-admin', remoteAddress: '198.51.100.5' };

function buildRequest(entry: string, overrides: Partial<SharingRequestInput> = {}): SharingRequestInput {
  return {
    entry,
    requester: SNV,
    clientSystem: SNV_SYSTEM,
    purpose: 'Xác minh thông tin khai sinh khi tuyển dụng công chức',
    legalBasis: 'Nghị định 47/2020/NĐ-CP',
    fieldsNeeded: ['họ tên', 'ngày sinh', 'nơi sinh'],
    durationDays: 365,
    submit: true,
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`sharing requests on ${dialect}`, () => {
    let fx: CatalogFixture;
    let pair: { service: string; dataset: string };
    beforeEach(async () => {
      fx = await buildCatalog(dialect);
      pair = await publishPair(fx);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    const grantsInRegistry = async () => (await fx.registry.grants.list()).items;

    it('approval creates a grant in the registry; revocation deletes it', async () => {
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.dataset));
      expect(request).toMatchObject({ state: 'submitted', owner: STP, requester: SNV, due: false });
      fx.clock.advance(1000);
      const approved = await fx.catalog.sharingRequests.approve(OWNER, request.id, {
        methods: ['GET'],
        pathPatterns: ['/khai-sinh/*'],
        quotaPerMinute: 60,
        message: 'Đồng ý chia sẻ trong 12 tháng',
      });
      expect(approved.state).toBe('approved');
      expect(approved.grants).toHaveLength(1);
      const grant = await fx.registry.grants.get(approved.grants[0]!);
      expect(grant).toMatchObject({
        client: SNV_SYSTEM,
        service: HOTICH_SERVICE,
        methods: ['GET'],
        pathPatterns: ['/khai-sinh/*'],
        quotaPerMinute: 60,
        expiresAt: new Date(fx.clock.at + 365 * DAY).toISOString(),
      });
      expect(approved.expiresAt).toBe(grant.expiresAt);

      fx.clock.advance(1000);
      const revoked = await fx.catalog.sharingRequests.revoke(OWNER, request.id, {
        reason: 'Hết nhu cầu sử dụng',
      });
      expect(revoked.state).toBe('revoked');
      expect(await grantsInRegistry()).toEqual([]);
      const steps = revoked.messages!.map((m) => m.kind);
      expect(steps).toEqual(['submitted', 'approved', 'revoked']);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'sharing-request.create',
          'grant.create',
          'sharing-request.approve',
          'grant.delete',
          'sharing-request.revoke',
        ]),
      );
      expect(audit.find((a) => a.action === 'grant.create')?.actor).toBe(OWNER.id);
    });

    it('goes through changes requested and resubmission', async () => {
      const request = await fx.catalog.sharingRequests.create(
        REQUESTER,
        buildRequest(pair.service, { submit: false, clientSystem: undefined }),
      );
      expect(request.state).toBe('draft');
      await fx.catalog.sharingRequests.submit(REQUESTER, request.id);
      fx.clock.advance(1000);
      await fx.catalog.sharingRequests.requestChanges(OWNER, request.id, {
        reason: 'Cần nêu hệ thống sử dụng',
      });
      await expectCangError(fx.catalog.sharingRequests.approve(OWNER, request.id, {}), 'conflict');
      fx.clock.advance(1000);
      await fx.catalog.sharingRequests.update(REQUESTER, request.id, { clientSystem: SNV_SYSTEM });
      await fx.catalog.sharingRequests.addMessage(REQUESTER, request.id, { body: 'Đã bổ sung hệ thống.' });
      fx.clock.advance(1000);
      const resubmitted = await fx.catalog.sharingRequests.submit(REQUESTER, request.id);
      expect(resubmitted.state).toBe('resubmitted');
      const approved = await fx.catalog.sharingRequests.approve(OWNER, request.id, {});
      expect(approved.state).toBe('approved');
      expect(approved.messages!.map((m) => m.kind)).toEqual([
        'submitted',
        'changes-requested',
        'message',
        'resubmitted',
        'approved',
      ]);
    });

    it('refuses approving a request without a client system, changing nothing', async () => {
      const request = await fx.catalog.sharingRequests.create(
        REQUESTER,
        buildRequest(pair.service, { clientSystem: undefined }),
      );
      const error = await expectCangError(
        fx.catalog.sharingRequests.approve(OWNER, request.id, {}),
        'conflict',
      );
      expect(error.errors?.[0]?.pointer).toBe('/clientSystem');
      expect((await fx.catalog.sharingRequests.get(request.id)).state).toBe('submitted');
      expect(await grantsInRegistry()).toEqual([]);
    });

    it('refuses a second decision on a decided request with 409, changing nothing', async () => {
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service));
      await fx.catalog.sharingRequests.refuse(OWNER, request.id, { reason: 'Không đủ căn cứ pháp lý' });
      const error = await expectCangError(
        fx.catalog.sharingRequests.approve(OWNER, request.id, {}),
        'conflict',
      );
      expect(error.message).toContain('already been decided');
      await expectCangError(
        fx.catalog.sharingRequests.refuse(OWNER, request.id, { reason: 'Lần hai' }),
        'conflict',
      );
      const after = await fx.catalog.sharingRequests.get(request.id);
      expect(after).toMatchObject({
        state: 'refused',
        decisionReason: 'Không đủ căn cứ pháp lý',
        grants: [],
      });
      expect(await grantsInRegistry()).toEqual([]);
    });

    it('refuses a request for a retired entry, creating nothing', async () => {
      await fx.catalog.entries.transition(ACTOR, pair.service, { state: 'retired' });
      const error = await expectCangError(
        fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service)),
        'conflict',
      );
      expect(error.message).toContain('retired');
      const rows = await fx.store.db.selectFrom('sharing_requests').select('id').execute();
      expect(rows).toEqual([]);
    });

    it('refuses approval once the entry was retired after submission', async () => {
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service));
      await fx.catalog.entries.transition(ACTOR, pair.service, { state: 'retired' });
      await expectCangError(fx.catalog.sharingRequests.approve(OWNER, request.id, {}), 'conflict');
      expect(await grantsInRegistry()).toEqual([]);
    });

    it('names a client system of another organisation as a bad field', async () => {
      const error = await expectCangError(
        fx.catalog.sharingRequests.create(
          REQUESTER,
          buildRequest(pair.service, { clientSystem: `${STP}/HOTICH` }),
        ),
        'validation-failed',
      );
      expect(error.errors).toEqual([
        { pointer: '/clientSystem', detail: 'the client system must belong to the requesting organisation' },
      ]);
    });

    it('lists the queues by role and shows requests undecided after 14 days as due', async () => {
      const old = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service));
      fx.clock.advance(10 * DAY);
      const recent = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.dataset));
      fx.clock.advance(5 * DAY);
      const owner = await fx.catalog.sharingRequests.list({ role: 'owner' }, [STP]);
      expect(owner.items.map((r) => r.id)).toEqual([recent.id, old.id]);
      const due = await fx.catalog.sharingRequests.list({ role: 'owner', due: 'true' }, [STP]);
      expect(due.items.map((r) => [r.id, r.due])).toEqual([[old.id, true]]);
      expect((await fx.catalog.sharingRequests.list({ role: 'requester' }, [STP])).items).toEqual([]);
      expect((await fx.catalog.sharingRequests.list({ role: 'requester' }, [SNV])).items).toHaveLength(2);
      expect((await fx.catalog.sharingRequests.list({ role: 'owner' }, [])).items).toEqual([]);
    });

    it('expires an approval after its duration and deletes its grant', async () => {
      const request = await fx.catalog.sharingRequests.create(
        REQUESTER,
        buildRequest(pair.service, { durationDays: 30 }),
      );
      await fx.catalog.sharingRequests.approve(OWNER, request.id, {});
      fx.clock.advance(31 * DAY);
      expect((await fx.catalog.sharingRequests.get(request.id)).state).toBe('expired');
      expect(await fx.catalog.sharingRequests.expireDue({ id: 'system:catalog', remoteAddress: null })).toBe(
        1,
      );
      expect(await grantsInRegistry()).toEqual([]);
      await expectCangError(
        fx.catalog.sharingRequests.revoke(OWNER, request.id, { reason: 'x' }),
        'conflict',
      );
    });
  });
}
