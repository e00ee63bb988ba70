import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import { createSteering, type ReportView, type Steering, type TaskView } from '../../../steering/index.js';
import { seedSteeringReference, seedSteeringSample } from '../../../steering/index.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

const NOW = Date.parse('2025-08-15T03:00:00Z');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

for (const dialect of DIALECTS) {
  describe(`steering API on ${dialect}`, () => {
    let api: ApiHarness;
    let steering: Steering | undefined;
    let secretariat: string;
    let reporterKhcn: string;
    let leader: string;
    beforeAll(async () => {
      api = await startApi(dialect, {
        parts: (store) => ({ steering: createSteering({ store, now: () => NOW }) }),
      });
      steering = api.steering!;
      await seedSteeringReference(steering, { id: 'system:seed' });
      await seedSteeringSample(steering, { id: 'system:seed' });
      secretariat = await api.sessionFor('thu-ky', [{ role: 'steering-secretariat' }]);
      reporterKhcn = await api.sessionFor('bao-cao-skhcn', [{ role: 'unit-reporter', scope: 'SKHCN' }]);
      leader = await api.sessionFor('lanh-dao', [{ role: 'leader' }]);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('lets a unit reporter report for its own unit only: another unit’s report is 403 forbidden', async () => {
      const own = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporterKhcn },
        {
          unitId: 'SKHCN',
          period: '2025-Q2',
          narrative: 'Kết quả quý II',
        },
      );
      expect(own.status, await own.clone().text()).toBe(201);
      const ownReport = await readJson<ReportView>(own);
      const refused = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporterKhcn },
        {
          unitId: 'SYT',
          period: '2025-Q2',
          narrative: 'Không phải đơn vị mình',
        },
      );
      await expectRefusal(refused, 403, 'forbidden');
      // A report of SYT started by the secretariat: the SKHCN reporter may neither edit nor submit it.
      const other = await readJson<ReportView>(
        await api.call(
          'POST',
          '/api/v1/steering/reports',
          { cookie: secretariat },
          { unitId: 'SYT', period: '2025-Q2', narrative: 'x' },
        ),
      );
      for (const [method, path, body] of [
        ['PATCH', `/api/v1/steering/reports/${other.id}`, { narrative: 'y' }],
        ['POST', `/api/v1/steering/reports/${other.id}/submit`, undefined],
      ] as const) {
        await expectNothingWritten(api.store, ['steering_reports', 'steering_report_items'], async () => {
          await expectRefusal(await api.call(method, path, { cookie: reporterKhcn }, body), 403, 'forbidden');
        });
      }
      // The refused caller changed nothing, and an unknown report is still a 404 before any 403.
      expect(await steering!.reports.get(other.id)).toMatchObject({ status: 'draft', narrative: 'x' });
      const unknown = await api.call('POST', '/api/v1/steering/reports/nope/submit', {
        cookie: reporterKhcn,
      });
      await expectRefusal(unknown, 404, 'not-found');
      // A reporter submits its own report but accepts nothing.
      const submitted = await api.call('POST', `/api/v1/steering/reports/${ownReport.id}/submit`, {
        cookie: reporterKhcn,
      });
      expect(submitted.status).toBe(200);
      await expectNothingWritten(api.store, ['steering_reports'], async () => {
        const accept = await api.call('POST', `/api/v1/steering/reports/${ownReport.id}/accept`, {
          cookie: reporterKhcn,
        });
        await expectRefusal(accept, 403, 'forbidden');
      });
      const accepted = await api.call('POST', `/api/v1/steering/reports/${ownReport.id}/accept`, {
        cookie: secretariat,
      });
      expect(accepted.status).toBe(200);
      const audit = await api.store.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('resource', 'like', 'SKHCN/%')
        .where('action', 'like', 'steering.report.%')
        .orderBy('id')
        .execute();
      // Sorted: with the test's fixed clock, ids made in the same millisecond do not sort by time.
      expect(audit.map((a) => a.action).sort()).toEqual([
        'steering.report.accepted',
        'steering.report.create',
        'steering.report.submitted',
      ]);
    });

    it('lets leaders read everything and write nothing; anonymous callers get 401', async () => {
      for (const path of [
        '/api/v1/steering/units?asOf=2022-06-30',
        '/api/v1/steering/gaps?period=2025-Q2',
        '/api/v1/steering/programs',
        '/api/v1/steering/tasks?due=overdue&asOf=2025-08-15',
      ]) {
        const response = await api.call('GET', path, { cookie: leader });
        expect(response.status, path).toBe(200);
      }
      // Each kind of write a leader might try, with a valid body, so only the authorisation refuses it.
      const writes: readonly (readonly [string, string, unknown])[] = [
        [
          'POST',
          '/api/v1/steering/documents',
          {
            kind: 'plan',
            number: '1/KH-TEST',
            date: '2025-01-01',
            issuer: 'Thử nghiệm',
            title: 'Kế hoạch thử',
          },
        ],
        [
          'POST',
          '/api/v1/steering/reports',
          { unitId: 'SKHCN', period: '2025-Q2', narrative: 'Của lãnh đạo' },
        ],
        [
          'POST',
          '/api/v1/steering/attachments',
          { fileName: 'x.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') },
        ],
      ];
      await expectNothingWritten(
        api.store,
        ['steering_documents', 'steering_reports', 'steering_attachments'],
        async () => {
          for (const [method, path, body] of writes) {
            await expectRefusal(await api.call(method, path, { cookie: leader }, body), 403, 'forbidden');
          }
        },
      );
      await expectRefusal(await api.call('GET', '/api/v1/steering/units', {}), 401, 'unauthenticated');
    });

    it('answers 2022’s names for a 2022 query and the merged unit’s history under its successor', async () => {
      const units = await readJson<{ items: { id: string; name: string }[] }>(
        await api.call('GET', '/api/v1/steering/units?asOf=2022-06-30', { cookie: leader }),
      );
      expect(units.items.find((u) => u.id === 'H-THUYNGUYEN')?.name).toBe('Huyện Thủy Nguyên');
      const history = await readJson<{ predecessors: { id: string }[] }>(
        await api.call('GET', '/api/v1/steering/units/SKHCN/history', { cookie: leader }),
      );
      expect(history.predecessors.map((p) => p.id)).toEqual(['SKHCN-HD', 'STTTT']);
    });

    it('lets a commune reporter report for its own ward only: another ward’s report is 403 forbidden', async () => {
      const reporter = await api.sessionFor('bao-cao-le-chan', [{ role: 'unit-reporter', scope: '11383' }]);
      const own = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporter },
        { unitId: '11383', period: '2025-Q3', narrative: 'Quý III, phường Lê Chân' },
      );
      expect(own.status, await own.clone().text()).toBe(201);
      const other = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporter },
        { unitId: '11329', period: '2025-Q3', narrative: 'Phường Ngô Quyền' },
      );
      expect(other.status).toBe(403);
      expect((await readJson(other)).code).toBe('forbidden');
      // Its predecessor's period is not the ward's: before 2025-07-01 the ward did not exist.
      const early = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporter },
        { unitId: '11383', period: '2025-Q2', narrative: 'Quý II' },
      );
      expect(early.status).toBe(400);
      const problem = await readJson<{ code: string; errors: { pointer: string }[] }>(early);
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors.map((error) => error.pointer)).toEqual(['/unitId']);
    });

    it('refuses a commune reporter another commune’s sample draft, and its own submits', async () => {
      const reporter = await api.sessionFor('bao-cao-phuong-le-chan', [
        { role: 'unit-reporter', scope: '11383' },
      ]);
      const drafts = await steering!.reports.list({ period: '2025-H2', status: 'draft' });
      const anLao = drafts.find((report) => report.unitId === '11629')!;
      for (const [method, path, body] of [
        ['PATCH', `/api/v1/steering/reports/${anLao.id}`, { narrative: 'Phường Lê Chân' }],
        ['POST', `/api/v1/steering/reports/${anLao.id}/submit`, undefined],
      ] as const) {
        await expectNothingWritten(api.store, ['steering_reports', 'steering_report_items'], async () => {
          await expectRefusal(await api.call(method, path, { cookie: reporter }, body), 403, 'forbidden');
        });
      }
      const own = await steering!.reports.create(
        { id: 'system:seed', remoteAddress: null },
        { unitId: '11383', period: '2025-08', narrative: 'Tháng 8 năm 2025' },
      );
      const submitted = await api.call('POST', `/api/v1/steering/reports/${own.id}/submit`, {
        cookie: reporter,
      });
      expect(submitted.status, await submitted.clone().text()).toBe(200);
    });

    it('answers the gaps of one level, the 114 communes with their reports, and refuses a bad level', async () => {
      const gaps = await readJson<{
        unitsWithoutCommittee: { kind: string }[];
        reporting: { units: { unitId: string; kind: string; state: string; reportStatus: string | null }[] };
      }>(await api.call('GET', '/api/v1/steering/gaps?period=2025-H2&level=commune', { cookie: leader }));
      expect(gaps.unitsWithoutCommittee.every((unit) => unit.kind === 'commune')).toBe(true);
      expect(gaps.reporting.units).toHaveLength(114);
      expect(gaps.reporting.units.every((row) => row.kind === 'commune')).toBe(true);
      expect(gaps.reporting.units.find((row) => row.unitId === '11311')?.reportStatus).toBe('accepted');
      const bad = await api.call('GET', '/api/v1/steering/gaps?period=2025-H2&level=province', {
        cookie: leader,
      });
      const problem = await expectRefusal(bad, 400, 'validation-failed');
      expect(problem.errors?.map((error) => error.pointer)).toContain('/level');
    });

    it('lists one level of a date, another province’s units only when asked, and refuses a bad level', async () => {
      const list = async (query: string) =>
        (
          await readJson<{ items: { id: string }[] }>(
            await api.call('GET', `/api/v1/steering/units?${query}`, { cookie: leader }),
          )
        ).items.map((unit) => unit.id);
      expect(await list('asOf=2026-01-01&level=commune')).toHaveLength(114);
      expect(await list('asOf=2024-06-30&level=district')).toHaveLength(15);
      const both = await list('asOf=2024-06-30&level=district&includeFormerProvinces=true');
      expect(both).toHaveLength(27);
      expect(both).toContain('TP-HAIDUONG');
      const bad = await api.call('GET', '/api/v1/steering/units?asOf=2026-01-01&level=province', {
        cookie: leader,
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      const problem = await readJson<{ code: string; errors: { pointer: string }[] }>(bad);
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors.map((error) => error.pointer)).toContain('/level');
    });

    it('names every bad field of a task, from the schema and from the rules', async () => {
      const programs = await readJson<{ items: { id: string; groups: { id: string }[] }[] }>(
        await api.call('GET', '/api/v1/steering/programs', { cookie: secretariat }),
      );
      const program = programs.items[0]!;
      const schemaBad = await api.call(
        'POST',
        `/api/v1/steering/programs/${program.id}/tasks`,
        { cookie: secretariat },
        {
          groupId: program.groups[0]!.id,
          code: 'NV-X',
          expectedOutput: 'x',
          leadUnitId: 'SKHCN',
          startDate: '2025-13-01',
          deadline: '2025-12-31',
          colour: 'red',
        },
      );
      const schemaProblem = await expectRefusal(schemaBad, 400, 'validation-failed');
      expect(schemaProblem.errors?.map((e) => e.pointer).sort()).toEqual(['/colour', '/startDate', '/title']);
      const ruleBad = await api.call(
        'POST',
        `/api/v1/steering/programs/${program.id}/tasks`,
        { cookie: secretariat },
        {
          groupId: program.groups[0]!.id,
          code: 'NV-X',
          title: 'Nhiệm vụ giao cho sở đã hợp nhất',
          expectedOutput: 'x',
          leadUnitId: 'STTTT',
          startDate: '2025-04-01',
          deadline: '2025-03-31',
        },
      );
      expect((await expectRefusal(ruleBad, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/deadline', detail: 'must not be before startDate' },
        {
          pointer: '/leadUnitId',
          detail: 'Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ on 2025-03-01',
        },
      ]);
      const tasks = await readJson<{ items: TaskView[] }>(
        await api.call('GET', `/api/v1/steering/tasks?programId=${program.id}`, { cookie: secretariat }),
      );
      expect(tasks.items.some((t) => t.code === 'NV-X')).toBe(false);
    });

    it('stores an attachment with its checksum, serves it back, and refuses a disguised file', async () => {
      const upload = await api.call(
        'POST',
        '/api/v1/steering/attachments',
        { cookie: reporterKhcn },
        {
          fileName: 'Minh chứng đợt II.pdf',
          mediaType: 'application/pdf',
          contentBase64: PDF.toString('base64'),
          unitId: 'SKHCN',
        },
      );
      expect(upload.status, await upload.clone().text()).toBe(201);
      const view = await readJson<{ id: string; sha256: string; size: number }>(upload);
      expect(view.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
      const download = await api.call('GET', `/api/v1/steering/attachments/${view.id}`, { cookie: leader });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      // The ASCII fallback name keeps đ as d, not dropped (RFC 6266 with the RFC 8187 UTF-8 name beside it).
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="Minh chung dot II.pdf"; filename*=UTF-8''Minh%20ch%E1%BB%A9ng%20%C4%91%E1%BB%A3t%20II.pdf`,
      );
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
      await expectNothingWritten(api.store, ['steering_attachments'], async () => {
        const otherUnit = await api.call(
          'POST',
          '/api/v1/steering/attachments',
          { cookie: reporterKhcn },
          {
            fileName: 'x.pdf',
            mediaType: 'application/pdf',
            contentBase64: PDF.toString('base64'),
            unitId: 'SYT',
          },
        );
        await expectRefusal(otherUnit, 403, 'forbidden');
      });
      const disguised = await api.call(
        'POST',
        '/api/v1/steering/attachments',
        { cookie: secretariat },
        {
          fileName: 'anh.png',
          mediaType: 'image/png',
          contentBase64: PDF.toString('base64'),
        },
      );
      const disguisedProblem = await expectRefusal(disguised, 400, 'validation-failed');
      expect(disguisedProblem.errors?.map((e) => e.pointer)).toEqual(['/mediaType']);
    });
  });
}
