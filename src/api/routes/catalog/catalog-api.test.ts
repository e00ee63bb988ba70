import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import { keyedHash } from '../../../core/index.js';
import { createCatalog } from '../../../catalog/index.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

/** Subject hash keys of the API tests, current first. */
const API_SUBJECT_KEYS = ['khoa-api-2026', 'khoa-api-2025'] as const;
/** Who asked for the subject lookups, and on what basis. */
const ASKED = {
  requester: 'Công an thành phố Hải Phòng, Công văn số 12/CAHP',
  legalBasis: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
};

const STP = 'VN-HP/GOV/STP';
const SNV = 'VN-HP/GOV/SNV';
const SERVICE = `${STP}/HOTICH/tra-cuu`;
const CLIENT = `${SNV}/CBCC`;

const officer = {
  name: 'Nguyễn Thị Lan',
  position: 'Trưởng phòng Hành chính tư pháp',
  phone: '0225 3842 123',
  email: 'lan.nt@haiphong.gov.vn',
};

function entryBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'service',
    publisher: STP,
    exchangeService: SERVICE,
    title: 'Dịch vụ tra cứu hộ tịch',
    description: 'Tra cứu thông tin khai sinh của công dân.',
    focalOfficer: officer,
    themes: ['JUST'],
    classification: 'shared',
    ...overrides,
  };
}

function requestBody(entry: string, overrides: Record<string, unknown> = {}) {
  return {
    entry,
    requester: SNV,
    clientSystem: CLIENT,
    purpose: 'Xác minh khai sinh khi tuyển dụng',
    legalBasis: 'Nghị định 47/2020/NĐ-CP',
    fieldsNeeded: ['họ tên', 'ngày sinh'],
    durationDays: 180,
    submit: true,
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`catalog API over a socket on ${dialect}`, () => {
    let api: ApiHarness;
    let admin: string;
    let stpAdmin: string;
    let snvAdmin: string;
    let serviceId: string;

    const expectStatus = async (response: Response, status: number) => {
      expect(response.status, await response.clone().text()).toBe(status);
      return response;
    };
    const post = async (path: string, cookie: string, body: unknown, status = 201) =>
      readJson<Record<string, unknown>>(
        await expectStatus(await api.call('POST', path, { cookie }, body), status),
      );

    beforeEach(async () => {
      api = await startApi(dialect, {
        parts: (store, registry) => ({
          catalog: createCatalog({ store, registry, subjectHashKeys: API_SUBJECT_KEYS }),
        }),
      });
      admin = await api.sessionFor('boss', [{ role: 'platform-admin' }]);
      stpAdmin = await api.sessionFor('lan', [{ role: 'org-admin', scope: STP }]);
      snvAdmin = await api.sessionFor('minh', [{ role: 'org-admin', scope: SNV }]);
      await post('/api/v1/organisations', admin, { memberClass: 'GOV', code: 'STP', name: 'Sở Tư pháp' });
      await post('/api/v1/organisations', admin, { memberClass: 'GOV', code: 'SNV', name: 'Sở Nội vụ' });
      await post(`/api/v1/organisations/${STP}/systems`, admin, { code: 'HOTICH', name: 'Hộ tịch' });
      await post(`/api/v1/organisations/${SNV}/systems`, admin, { code: 'CBCC', name: 'Cán bộ' });
      await post(`/api/v1/organisations/${STP}/systems/HOTICH/services`, admin, {
        code: 'tra-cuu',
        name: 'Tra cứu hộ tịch',
        baseUrl: 'https://hotich.example/api',
      });
      const entry = await post('/api/v1/catalog/entries', stpAdmin, entryBody());
      serviceId = entry.id as string;
      await post(`/api/v1/catalog/entries/${serviceId}/state`, stpAdmin, { state: 'published' }, 200);
    });
    afterEach(async () => {
      await api.close();
    });

    it('serves open data without a session and nothing else', async () => {
      const open = await post(
        '/api/v1/catalog/entries',
        stpAdmin,
        entryBody({
          kind: 'dataset',
          exchangeService: undefined,
          title: 'Danh sách tổ chức hành nghề công chứng',
          classification: 'open',
          distributions: [{ format: 'CSV', url: 'https://stp.example/cong-chung.csv' }],
        }),
      );
      await post(`/api/v1/catalog/entries/${open.id}/state`, stpAdmin, { state: 'published' }, 200);
      const listed = await readJson<{ items: { id: string }[] }>(
        await expectStatus(await api.call('GET', '/api/v1/catalog/open/entries?q=cong%20chung'), 200),
      );
      expect(listed.items.map((i) => i.id)).toEqual([open.id]);
      await expectRefusal(
        await api.call('GET', `/api/v1/catalog/open/entries/${serviceId}`),
        404,
        'not-found',
      );
      const dcat = await expectStatus(await api.call('GET', '/api/v1/catalog/open/dcat.jsonld'), 200);
      expect(dcat.headers.get('content-type')).toContain('application/ld+json');
      expect((await readJson<{ 'dcat:dataset': unknown[] }>(dcat))['dcat:dataset']).toHaveLength(1);
      // The links name the configured public URL, whatever Host a caller sends.
      const forged = await request(`${api.baseUrl}/api/v1/catalog/open/dcat.jsonld`, {
        headers: { host: 'attacker.example' },
      });
      const forgedText = await forged.body.text();
      expect(forged.statusCode).toBe(200);
      expect(forgedText).not.toContain('attacker.example');
      expect(JSON.parse(forgedText)['@id']).toBe(
        'https://cang.haiphong.example/api/v1/catalog/open/dcat.jsonld',
      );
      const anonymous = await api.call('GET', '/api/v1/catalog/entries');
      await expectRefusal(anonymous, 401, 'unauthenticated');
    });

    it('searches with and without diacritics and shows the history', async () => {
      for (const q of ['hộ tịch', 'ho tich', 'tra cu']) {
        const found = await readJson<{ items: { id: string }[]; total: number }>(
          await api.call('GET', `/api/v1/catalog/entries?q=${encodeURIComponent(q)}`, { cookie: snvAdmin }),
        );
        expect(
          found.items.map((i) => i.id),
          q,
        ).toEqual([serviceId]);
      }
      const history = await readJson<{ items: { action: string; actor: string }[] }>(
        await api.call('GET', `/api/v1/catalog/entries/${serviceId}/revisions`, { cookie: snvAdmin }),
      );
      expect(history.items.map((r) => r.action)).toEqual(['create', 'publish']);
    });

    it('refuses catalog writes on another organisation with 403 and names each bad field with 400', async () => {
      await expectNothingWritten(
        api.store,
        ['catalog_entries', 'catalog_revisions', 'catalog_search'],
        async () => {
          const refused = await api.call(
            'POST',
            '/api/v1/catalog/entries',
            { cookie: snvAdmin },
            entryBody(),
          );
          await expectRefusal(refused, 403, 'forbidden');
          const patch = await api.call(
            'PATCH',
            `/api/v1/catalog/entries/${serviceId}`,
            { cookie: snvAdmin },
            { title: 'Đổi' },
          );
          await expectRefusal(patch, 403, 'forbidden');
        },
      );
      const bad = await api.call(
        'POST',
        '/api/v1/catalog/entries',
        { cookie: stpAdmin },
        {
          ...entryBody(),
          classification: 'secret',
          focalOfficer: { name: 'Lan' },
          themes: ['XYZ'],
        },
      );
      const problem = await expectRefusal(bad, 400, 'validation-failed');
      expect(problem.errors!.map((e) => e.pointer).sort()).toEqual([
        '/classification',
        '/focalOfficer/email',
        '/focalOfficer/phone',
        '/focalOfficer/position',
        '/themes/0',
      ]);
      expect((await api.store.db.selectFrom('catalog_entries').select('id').execute()).length).toBe(1);
    });

    it('approves into a registry grant, refuses outsiders (403) and second decisions (409), revokes', async () => {
      const request = await post('/api/v1/catalog/sharing-requests', snvAdmin, requestBody(serviceId));
      const path = `/api/v1/catalog/sharing-requests/${request.id}`;
      await expectNothingWritten(
        api.store,
        ['sharing_requests', 'sharing_request_messages', 'grants'],
        async () => {
          const stolen = await api.call(
            'POST',
            '/api/v1/catalog/sharing-requests',
            { cookie: snvAdmin },
            {
              ...requestBody(serviceId),
              requester: STP,
              clientSystem: `${STP}/HOTICH`,
            },
          );
          await expectRefusal(stolen, 403, 'forbidden');
          const outsider = await api.call('POST', `${path}/approve`, { cookie: snvAdmin }, {});
          await expectRefusal(outsider, 403, 'forbidden');
        },
      );
      expect((await api.registry.grants.list()).items).toEqual([]);

      const queue = await readJson<{ items: { id: string }[] }>(
        await api.call('GET', '/api/v1/catalog/sharing-requests?role=owner', { cookie: stpAdmin }),
      );
      expect(queue.items.map((r) => r.id)).toEqual([request.id]);
      const overdue = await readJson<{ items: unknown[] }>(
        await api.call('GET', '/api/v1/catalog/sharing-requests?role=owner&overdue=true', {
          cookie: stpAdmin,
        }),
      );
      expect(overdue.items).toEqual([]);

      const approved = await post(`${path}/approve`, stpAdmin, { methods: ['GET'], quotaPerMinute: 30 }, 200);
      const [grantId] = approved.grants as string[];
      const grant = await api.registry.grants.get(grantId!);
      expect(grant).toMatchObject({ client: CLIENT, service: SERVICE, methods: ['GET'], quotaPerMinute: 30 });
      await expectNothingWritten(
        api.store,
        ['sharing_requests', 'sharing_request_messages', 'grants'],
        async () => {
          const again = await api.call(
            'POST',
            `${path}/refuse`,
            { cookie: stpAdmin },
            { reason: 'Đổi ý', legalBasis: 'Nghị định 47/2020/NĐ-CP' },
          );
          await expectRefusal(again, 409, 'conflict');
        },
      );

      await post(`${path}/revoke`, stpAdmin, { reason: 'Hết nhu cầu' }, 200);
      expect((await api.registry.grants.list()).items).toEqual([]);
      const seen = await readJson<{ state: string }>(await api.call('GET', path, { cookie: snvAdmin }));
      expect(seen.state).toBe('revoked');
    });

    it('shows the 2-working-day due date, and refuses a refusal without a legal basis with 400', async () => {
      const request = await post('/api/v1/catalog/sharing-requests', snvAdmin, requestBody(serviceId));
      expect(request).toMatchObject({ overdue: false, decisionLegalBasis: null });
      expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const path = `/api/v1/catalog/sharing-requests/${request.id}/refuse`;
      const bare = await api.call('POST', path, { cookie: stpAdmin }, { reason: 'Không đủ điều kiện' });
      const problem = await expectRefusal(bare, 400, 'validation-failed');
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/legalBasis']);
      // The requester may not refuse its own request, legal basis or not.
      const body = { reason: 'Tự từ chối', legalBasis: 'Nghị định 47/2020/NĐ-CP' };
      await expectNothingWritten(api.store, ['sharing_requests', 'sharing_request_messages'], async () => {
        const outsider = await api.call('POST', path, { cookie: snvAdmin }, body);
        await expectRefusal(outsider, 403, 'forbidden');
      });
      const seen = await readJson<{ state: string }>(
        await api.call('GET', `/api/v1/catalog/sharing-requests/${request.id}`, { cookie: stpAdmin }),
      );
      expect(seen.state).toBe('submitted');
      const refused = await post(
        path,
        stpAdmin,
        { reason: 'Không đủ điều kiện', legalBasis: 'Điều 35' },
        200,
      );
      expect(refused).toMatchObject({ state: 'refused', decisionLegalBasis: 'Điều 35', dueDate: null });
    });

    it('refuses approval without a client system and a request for a retired entry with 409', async () => {
      const request = await post(
        '/api/v1/catalog/sharing-requests',
        snvAdmin,
        requestBody(serviceId, { clientSystem: undefined }),
      );
      const noClient = await api.call(
        'POST',
        `/api/v1/catalog/sharing-requests/${request.id}/approve`,
        { cookie: stpAdmin },
        {},
      );
      const problem = await expectRefusal(noClient, 409, 'conflict');
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/clientSystem']);
      await post(`/api/v1/catalog/entries/${serviceId}/state`, stpAdmin, { state: 'retired' }, 200);
      const retired = await api.call(
        'POST',
        '/api/v1/catalog/sharing-requests',
        { cookie: snvAdmin },
        requestBody(serviceId),
      );
      expect((await expectRefusal(retired, 409, 'conflict')).detail).toContain('retired');
      expect((await api.registry.grants.list()).items).toEqual([]);
    });

    it('lets an auditor look a person up, refuses others, and audits the lookup by hash', async () => {
      const auditor = await api.sessionFor('kiem-toan', [{ role: 'auditor' }]);
      await expectNothingWritten(api.store, [], async () => {
        const refused = await api.call(
          'POST',
          '/api/v1/catalog/subject-access',
          { cookie: stpAdmin },
          { personId: '031095001234', ...ASKED },
        );
        await expectRefusal(refused, 403, 'forbidden');
      });
      const report = await readJson<{ subjectHash: string; items: unknown[] }>(
        await expectStatus(
          await api.call(
            'POST',
            '/api/v1/catalog/subject-access',
            { cookie: auditor },
            { personId: '031095001234', ...ASKED },
          ),
          200,
        ),
      );
      expect(report.subjectHash).toBe(keyedHash(API_SUBJECT_KEYS[0], '031095001234'));
      const csv = await expectStatus(
        await api.call(
          'POST',
          '/api/v1/catalog/subject-access/export?format=csv',
          { cookie: auditor },
          { personId: '031095001234', ...ASKED },
        ),
        200,
      );
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('content-disposition')).toContain('attachment');
      const audit = await api.store.db
        .selectFrom('audit_events')
        .select(['resource', 'details'])
        .where('action', '=', 'subject-access.read')
        .execute();
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain('031095001234');
      const bad = await api.call(
        'POST',
        '/api/v1/catalog/subject-access',
        { cookie: auditor },
        { personId: '', extra: 1, ...ASKED },
      );
      const problem = await expectRefusal(bad, 400, 'validation-failed');
      expect(problem.errors!.map((e) => e.pointer).sort()).toEqual(['/extra', '/personId']);
      // Every lookup names who asked for it and its legal basis.
      const unfounded = await api.call(
        'POST',
        '/api/v1/catalog/subject-access',
        { cookie: auditor },
        { personId: '031095001234', requester: ASKED.requester },
      );
      const missing = await expectRefusal(unfounded, 400, 'validation-failed');
      expect(missing.errors!.map((e) => e.pointer)).toEqual(['/legalBasis']);
      const details = audit.map((a) => JSON.parse(String(a.details)) as Record<string, unknown>);
      expect(details.map((d) => [d.requester, d.legalBasis])).toEqual([
        [ASKED.requester, ASKED.legalBasis],
        [ASKED.requester, ASKED.legalBasis],
      ]);
    });
  });
}
