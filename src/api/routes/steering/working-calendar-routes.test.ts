import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import { createSteering, type WorkingCalendarView } from '../../../steering/index.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';

const NOW = Date.parse('2026-12-02T03:00:00Z');
const PATH = '/api/v1/steering/working-calendars/2027';

const schedule = (basis: string) => ({
  basis,
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-02-05', name: 'Tết Nguyên đán' },
  ],
  workingDays: [{ date: '2027-01-09', name: 'Làm bù' }],
});

for (const dialect of DIALECTS) {
  describe(`working calendar API on ${dialect}`, () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi(dialect, {
        parts: (store) => ({ steering: createSteering({ store, now: () => NOW }) }),
      });
    });
    afterAll(async () => {
      await api?.close();
    });

    it('lets the secretariat and platform administrators enter a year’s official schedule, audited', async () => {
      const secretariat = await api.sessionFor('thu-ky', [{ role: 'steering-secretariat' }]);
      const admin = await api.sessionFor('quan-tri', [{ role: 'platform-admin' }]);
      const before = await readJson<WorkingCalendarView>(
        await api.call('GET', PATH, { cookie: secretariat }),
      );
      expect(before.source).toBe('proposed');
      const put = await api.call('PUT', PATH, { cookie: secretariat }, schedule('Thông báo số 1'));
      expect(put.status, await put.clone().text()).toBe(200);
      expect(await readJson<WorkingCalendarView>(put)).toMatchObject({
        year: 2027,
        source: 'official',
        basis: 'Thông báo số 1',
        workingDays: [{ date: '2027-01-09', name: 'Làm bù' }],
      });
      const again = await api.call('PUT', PATH, { cookie: admin }, schedule('Thông báo số 2'));
      expect(again.status).toBe(200);
      const listed = await readJson<{ items: WorkingCalendarView[] }>(
        await api.call('GET', '/api/v1/steering/working-calendars?from=2026&to=2027', { cookie: admin }),
      );
      expect(listed.items.map((c) => [c.year, c.source, c.basis.slice(0, 14)])).toEqual([
        [2026, 'proposed', 'Đề xuất theo B'],
        [2027, 'official', 'Thông báo số 2'],
      ]);
      const audit = await api.store.db
        .selectFrom('audit_events')
        .select('action')
        .where('resource', '=', 'working-calendar/2027')
        .execute();
      expect(audit).toHaveLength(2);
    });

    it('refuses every other role with 403 forbidden and anonymous callers with 401, changing nothing', async () => {
      const others = [
        await api.sessionFor('lanh-dao', [{ role: 'leader' }]),
        await api.sessionFor('bao-cao', [{ role: 'unit-reporter', scope: 'SNV' }]),
        await api.sessionFor('to-chuc', [{ role: 'org-admin', scope: 'VN-HP/GOV/STP' }]),
        await api.sessionFor('kiem-toan', [{ role: 'auditor' }]),
      ];
      const year = '/api/v1/steering/working-calendars/2028';
      for (const cookie of others) {
        const response = await api.call('PUT', year, { cookie }, schedule('Không được phép'));
        expect(response.status).toBe(403);
        expect((await readJson(response)).code).toBe('forbidden');
      }
      const anonymous = await api.call('PUT', year, {}, schedule('Ẩn danh'));
      expect(anonymous.status).toBe(401);
      expect((await readJson(anonymous)).code).toBe('unauthenticated');
      // Leaders and unit reporters read the calendar; an organisation administrator is not a steering reader.
      expect((await api.call('GET', year, { cookie: others[0]! })).status).toBe(200);
      expect((await api.call('GET', year, { cookie: others[1]! })).status).toBe(200);
      const orgAdminRead = await api.call('GET', year, { cookie: others[2]! });
      expect(orgAdminRead.status).toBe(403);
      expect((await readJson(orgAdminRead)).code).toBe('forbidden');
      const rows = await api.store.db
        .selectFrom('steering_working_calendars')
        .select('year')
        .where('year', '=', 2028)
        .execute();
      expect(rows).toEqual([]);
    });

    it('answers 400 naming the field for a date both a working day and a day off', async () => {
      const secretariat = await api.sessionFor('thu-ky-2', [{ role: 'steering-secretariat' }]);
      const response = await api.call(
        'PUT',
        '/api/v1/steering/working-calendars/2029',
        { cookie: secretariat },
        {
          basis: 'Lịch sai',
          daysOff: [{ date: '2029-01-06', name: 'Nghỉ' }],
          workingDays: [{ date: '2029-01-06', name: 'Làm bù' }],
        },
      );
      expect(response.status).toBe(400);
      const problem = await readJson(response);
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/workingDays/0/date']);
      const bad = await api.call(
        'PUT',
        '/api/v1/steering/working-calendars/1990',
        { cookie: secretariat },
        schedule('x'),
      );
      expect(bad.status).toBe(400);
    });
  });
}
