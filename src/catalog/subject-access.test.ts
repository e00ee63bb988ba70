import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyedHash } from '../core/index.js';
import { subjectAccessCsv } from './subject-access.js';
import {
  buildCatalog,
  type CatalogFixture,
  DIALECTS,
  expectCangError,
  HOTICH_SERVICE,
  SNV_SYSTEM,
  SUBJECT_KEYS,
} from './test-support/catalog-fixtures.js';

const PERSON = '031095001234';
const OFFICER = { id: 'user:dpo', remoteAddress: '192.0.2.10' };
/** Who asked for the lookups of these tests, and on what basis. */
const ASKED = {
  requester: 'Nguyễn Văn An, chủ thể dữ liệu (đơn ngày 30/11/2026)',
  legalBasis: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, quyền được biết',
};

/** Writes a log entry about a subject hash, as the exchange would. */
async function logAccess(fx: CatalogFixture, seq: number, subjectHash: string, at: number, purpose: string) {
  // On PostgreSQL the log is partitioned by month, and the exchange makes each month's partition as it
  // writes; rows written here directly go to a default partition instead.
  if (fx.store.dialect === 'postgres')
    await sql`create table if not exists log_entries_default partition of log_entries default`.execute(
      fx.store.db,
    );
  await fx.store.db
    .insertInto('log_entries')
    .values({
      node_id: 'hp-1',
      seq,
      id: `0190000${seq}-0000-7000-8000-000000000000`,
      started_at: at,
      duration_ms: 12,
      client_id: SNV_SYSTEM,
      service_id: HOTICH_SERVICE,
      method: 'GET',
      path: '/khai-sinh/1',
      query: null,
      status: 200,
      error_code: null,
      request_bytes: 0,
      response_bytes: 512,
      request_body_hash: null,
      response_body_hash: null,
      request_hash: null,
      user_id: null,
      subject_hash: subjectHash,
      purpose,
      trace_id: null,
      prev_hash: 'x',
      hash: `h${seq}`,
    })
    .execute();
}

for (const dialect of DIALECTS) {
  describe(`the data subject's view on ${dialect}`, () => {
    let fx: CatalogFixture;
    beforeEach(async () => {
      fx = await buildCatalog(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    it('finds accesses under the current and previous keys, with names, and audits only the hash', async () => {
      const t = fx.clock.at;
      await logAccess(fx, 1, keyedHash(SUBJECT_KEYS[1], PERSON), t - 90_000, 'tuyen-dung');
      await logAccess(fx, 2, keyedHash(SUBJECT_KEYS[0], PERSON), t - 1_000, 'xac-minh');
      await logAccess(fx, 3, keyedHash(SUBJECT_KEYS[0], '999999999999'), t - 500, 'khac');
      const report = await fx.catalog.subjectAccess.lookup(OFFICER, { personId: PERSON, ...ASKED });
      expect(report.subjectHash).toBe(keyedHash(SUBJECT_KEYS[0], PERSON));
      expect(report.items.map((i) => i.purpose)).toEqual(['xac-minh', 'tuyen-dung']);
      expect(report.items[0]).toMatchObject({
        clientOrganisation: 'VN-HP/GOV/SNV',
        clientOrganisationName: 'Sở Nội vụ',
        clientSystemName: 'Quản lý cán bộ, công chức',
        serviceName: 'Tra cứu hộ tịch',
        providerOrganisationName: 'Sở Tư pháp',
        status: 200,
      });
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'subject-access.read')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: OFFICER.id, resource: `subject:${report.subjectHash}` });
      expect(JSON.stringify(audit[0])).not.toContain(PERSON);

      const csv = subjectAccessCsv(report);
      const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe(
        'at,clientOrganisation,clientOrganisationName,clientSystem,clientSystemName,service,serviceName,providerOrganisation,providerOrganisationName,purpose,status,law,transactionId',
      );
      expect(lines[1]).toContain('"Quản lý cán bộ, công chức"');
      expect(lines).toHaveLength(3);
    });

    it('narrows to a window and names a bad field', async () => {
      await logAccess(fx, 1, keyedHash(SUBJECT_KEYS[0], PERSON), fx.clock.at - 1_000, 'xac-minh');
      const report = await fx.catalog.subjectAccess.lookup(OFFICER, {
        personId: PERSON,
        ...ASKED,
        to: new Date(fx.clock.at - 5_000).toISOString(),
      });
      expect(report.items).toEqual([]);
      const error = await expectCangError(
        fx.catalog.subjectAccess.lookup(OFFICER, { personId: '', from: 'hôm qua', ...ASKED }),
        'validation-failed',
      );
      expect(error.errors?.map((e) => e.pointer).sort()).toEqual(['/from', '/personId']);
    });

    it('refuses a lookup that names no requester or legal basis, recording nothing', async () => {
      const error = await expectCangError(
        fx.catalog.subjectAccess.lookup(OFFICER, { personId: PERSON, requester: ' ' } as never),
        'validation-failed',
      );
      expect(error.errors?.map((e) => e.pointer).sort()).toEqual(['/legalBasis', '/requester']);
      const audit = await fx.store.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'subject-access.read')
        .execute();
      expect(audit).toEqual([]);
    });

    it('cites the personal-data law in force on each access’s day and records who asked, on what basis', async () => {
      const hash = keyedHash(SUBJECT_KEYS[0], PERSON);
      // 23:59:59 and 00:00 in Hải Phòng around 1/1/2026, and a day before Decree 13/2023 came into force.
      await logAccess(fx, 1, hash, Date.parse('2025-12-31T16:59:59Z'), 'cuoi-nam');
      await logAccess(fx, 2, hash, Date.parse('2025-12-31T17:00:00Z'), 'dau-nam');
      await logAccess(fx, 3, hash, Date.parse('2023-06-30T03:00:00Z'), 'truoc-nghi-dinh');
      const report = await fx.catalog.subjectAccess.lookup(OFFICER, { personId: PERSON, ...ASKED });
      expect(report.items.map((i) => [i.purpose, i.law])).toEqual([
        ['dau-nam', 'luat-91-2025'],
        ['cuoi-nam', 'nd-13-2023'],
        ['truoc-nghi-dinh', null],
      ]);
      expect(report.laws.map((law) => law.code)).toEqual(['nd-13-2023', 'luat-91-2025']);
      expect(report).toMatchObject({
        ...ASKED,
        lawInForce: { code: 'luat-91-2025', inForceFrom: '2026-01-01' },
      });
      const lines = subjectAccessCsv(report).replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[1]).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
      expect(lines[2]).toContain('Nghị định số 13/2023/NĐ-CP');
      expect(lines[3]).toContain(',200,,'); // no law cited before 1/7/2023
      const [audit] = await fx.store.db
        .selectFrom('audit_events')
        .select(['actor', 'details'])
        .where('action', '=', 'subject-access.read')
        .execute();
      expect(audit?.actor).toBe(OFFICER.id);
      expect(JSON.parse(String(audit?.details))).toMatchObject({ ...ASKED, lawInForce: 'luat-91-2025' });
    });
  });
}
