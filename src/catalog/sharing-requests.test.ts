import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workingCalendarOf, type YearSchedule } from '../core/index.js';
import type { SharingRequestInput } from './sharing-request-schemas.js';
import {
  ACTOR,
  buildCatalog,
  type CatalogFixture,
  DIALECTS,
  expectCangError,
  HOTICH_SERVICE,
  pointersOf,
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
      expect(request).toMatchObject({ state: 'submitted', owner: STP, requester: SNV, overdue: false });
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
      await fx.catalog.sharingRequests.refuse(OWNER, request.id, {
        reason: 'Không đủ căn cứ pháp lý',
        legalBasis: 'Nghị định 47/2020/NĐ-CP, Điều 35',
      });
      const error = await expectCangError(
        fx.catalog.sharingRequests.approve(OWNER, request.id, {}),
        'conflict',
      );
      expect(error.message).toContain('already been decided');
      await expectCangError(
        fx.catalog.sharingRequests.refuse(OWNER, request.id, { reason: 'Lần hai', legalBasis: 'Lần hai' }),
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

    it('lists the queues by role and shows requests undecided after 2 working days as overdue', async () => {
      // Tuesday 1/12: due by the end of Thursday 3/12.
      const old = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service));
      expect(old).toMatchObject({ dueDate: '2026-12-03', dueAt: '2026-12-03T17:00:00.000Z', overdue: false });
      fx.clock.advance(2 * DAY);
      // Thursday 3/12: due by the end of Monday 7/12, the weekend not counted.
      const recent = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.dataset));
      expect(recent.dueDate).toBe('2026-12-07');
      expect((await fx.catalog.sharingRequests.get(old.id)).overdue).toBe(false);
      fx.clock.advance(1 * DAY);
      const owner = await fx.catalog.sharingRequests.list({ role: 'owner' }, [STP]);
      expect(owner.items.map((r) => [r.id, r.overdue])).toEqual([
        [recent.id, false],
        [old.id, true],
      ]);
      const overdue = await fx.catalog.sharingRequests.list({ role: 'owner', overdue: 'true' }, [STP]);
      expect(overdue.items.map((r) => [r.id, r.overdue])).toEqual([[old.id, true]]);
      expect((await fx.catalog.sharingRequests.list({ role: 'requester' }, [STP])).items).toEqual([]);
      expect((await fx.catalog.sharingRequests.list({ role: 'requester' }, [SNV])).items).toHaveLength(2);
      expect((await fx.catalog.sharingRequests.list({ role: 'owner' }, [])).items).toEqual([]);
      // A decided request has no due date any more.
      const refused = await fx.catalog.sharingRequests.refuse(OWNER, old.id, {
        reason: 'Quá hạn xử lý',
        legalBasis: 'Nghị định 47/2020/NĐ-CP',
      });
      expect(refused).toMatchObject({ dueDate: null, dueAt: null, overdue: false });
    });

    it('refuses a refusal without a legal basis, naming the field, and records both when given', async () => {
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(pair.service));
      const error = await expectCangError(
        fx.catalog.sharingRequests.refuse(OWNER, request.id, { reason: 'Không đủ điều kiện' } as never),
        'validation-failed',
      );
      expect(pointersOf(error)).toEqual(['/legalBasis']);
      expect(
        pointersOf(
          await expectCangError(
            fx.catalog.sharingRequests.refuse(OWNER, request.id, { legalBasis: 'x' } as never),
            'validation-failed',
          ),
        ),
      ).toEqual(['/reason']);
      expect((await fx.catalog.sharingRequests.get(request.id)).state).toBe('submitted');
      const refused = await fx.catalog.sharingRequests.refuse(OWNER, request.id, {
        reason: 'Dữ liệu thuộc danh mục bí mật nhà nước',
        legalBasis: 'Luật Bảo vệ bí mật nhà nước 2018, Điều 5',
      });
      expect(refused).toMatchObject({
        state: 'refused',
        decisionReason: 'Dữ liệu thuộc danh mục bí mật nhà nước',
        decisionLegalBasis: 'Luật Bảo vệ bí mật nhà nước 2018, Điều 5',
      });
      expect(refused.messages!.at(-1)?.body).toBe(
        'Dữ liệu thuộc danh mục bí mật nhà nước\nCăn cứ pháp lý: Luật Bảo vệ bí mật nhà nước 2018, Điều 5',
      );
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'sharing-request.refuse')
        .execute();
      expect(audit).toHaveLength(1);
      expect(String(audit[0]!.details)).toContain('Luật Bảo vệ bí mật nhà nước 2018');
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

for (const dialect of DIALECTS) {
  describe(`sharing request deadlines in the working calendar on ${dialect}`, () => {
    // The official schedules entered so far, as steering would hand them over.
    let official: YearSchedule[];
    let fx: CatalogFixture;
    let service: string;
    beforeEach(async () => {
      official = [];
      fx = await buildCatalog(dialect, { workingCalendar: async () => workingCalendarOf(official) });
      service = (await publishPair(fx)).service;
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('moves due and overdue when an official schedule entered later adds a day off', async () => {
      // Tuesday 1/12/2026, 09:00: by the law alone, due Thursday 3/12.
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(service));
      expect(request.dueDate).toBe('2026-12-03');
      fx.clock.advance(3 * DAY); // Friday 4/12
      expect((await fx.catalog.sharingRequests.get(request.id)).overdue).toBe(true);
      // The secretariat enters 2026's official schedule, with Wednesday 2/12 off: due Friday 4/12.
      official.push({
        year: 2026,
        source: 'official',
        basis: 'Quyết định thử nghiệm',
        daysOff: [{ date: '2026-12-02', name: 'Ngày nghỉ thử nghiệm' }],
        workingDays: [],
      });
      const moved = await fx.catalog.sharingRequests.get(request.id);
      expect(moved).toMatchObject({ dueDate: '2026-12-04', overdue: false });
      expect(
        (await fx.catalog.sharingRequests.list({ role: 'owner', overdue: 'true' }, [STP])).items,
      ).toEqual([]);
      fx.clock.advance(1 * DAY); // Saturday 5/12
      const late = await fx.catalog.sharingRequests.list({ role: 'owner', overdue: 'true' }, [STP]);
      expect(late.items.map((r) => r.id)).toEqual([request.id]);
    });

    it('counts over Tết: a request of Friday 13/2/2026 is due on Tuesday 24/2', async () => {
      fx.clock.at = Date.parse('2026-02-13T02:00:00Z');
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(service));
      expect(request.dueDate).toBe('2026-02-24');
      fx.clock.at = Date.parse('2026-02-24T16:59:59Z'); // 23:59:59 on the due date
      expect((await fx.catalog.sharingRequests.get(request.id)).overdue).toBe(false);
      fx.clock.at = Date.parse('2026-02-24T17:00:00Z'); // midnight closing it
      expect((await fx.catalog.sharingRequests.get(request.id)).overdue).toBe(true);
    });

    it('counts a swapped Saturday as a working day', async () => {
      official.push({
        year: 2026,
        source: 'official',
        basis: 'Công văn số 12729/VPCP-KGVX',
        daysOff: [
          { date: '2026-01-01', name: 'Tết Dương lịch' },
          { date: '2026-01-02', name: 'Nghỉ hoán đổi' },
        ],
        workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01' }],
      });
      fx.clock.at = Date.parse('2026-01-08T02:00:00Z'); // Thursday 8/1: Friday 9/1, Saturday 10/1
      const request = await fx.catalog.sharingRequests.create(REQUESTER, buildRequest(service));
      expect(request.dueDate).toBe('2026-01-10');
    });
  });
}
