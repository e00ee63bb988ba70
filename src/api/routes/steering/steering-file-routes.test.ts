import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import {
  createSteering,
  type ProgramView,
  SAMPLE_PROGRAM_CODE,
  type Steering,
  seedSteeringReference,
  seedSteeringSample,
  type TaskImportReport,
} from '../../../steering/index.js';
import { buildTaskFile, readWorkbook, taskRow } from '../../../steering/test-support/xlsx-files.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

const NOW = Date.parse('2025-08-15T03:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of DIALECTS) {
  describe(`steering file routes on ${dialect}`, () => {
    let api: ApiHarness;
    let steering: Steering | undefined;
    let program: ProgramView;
    let secretariat: string;
    let reporter: string;
    let leader: string;
    beforeAll(async () => {
      api = await startApi(dialect, {
        parts: (store) => ({ steering: createSteering({ store, now: () => NOW }) }),
      });
      steering = api.steering!;
      await seedSteeringReference(steering, { id: 'system:seed' });
      await seedSteeringSample(steering, { id: 'system:seed' });
      program = (await steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
      secretariat = await api.sessionFor('thu-ky', [{ role: 'steering-secretariat' }]);
      reporter = await api.sessionFor('bao-cao-skhcn', [{ role: 'unit-reporter', scope: 'SKHCN' }]);
      leader = await api.sessionFor('lanh-dao', [{ role: 'leader' }]);
    });
    afterAll(async () => {
      await api?.close();
    });

    const importPath = () => `/api/v1/steering/programs/${program.id}/tasks/import`;

    it('refuses the import to a unit reporter with 403, before reading the file', async () => {
      const file = await buildTaskFile([taskRow({ code: 'NV-REP.01' })]);
      await expectNothingWritten(api.store, ['steering_tasks', 'steering_task_history'], async () => {
        const json = await api.call(
          'POST',
          importPath(),
          { cookie: reporter },
          { fileBase64: file.toString('base64') },
        );
        await expectRefusal(json, 403, 'forbidden');
        const raw = await fetch(`${api.baseUrl}${importPath()}`, {
          method: 'POST',
          headers: { cookie: reporter, 'x-requested-with': 'cang-console', 'content-type': XLSX },
          body: file,
        });
        await expectRefusal(raw, 403, 'forbidden');
        // Not even a file that is no spreadsheet is read first: the refusal comes before it.
        const leaderTry = await api.call('POST', importPath(), { cookie: leader }, { fileBase64: 'AAAA' });
        await expectRefusal(leaderTry, 403, 'forbidden');
      });
      expect(
        (await steering!.tasks.list({ programId: program.id })).some((t) => t.code === 'NV-REP.01'),
      ).toBe(false);
    });

    it('answers a file with a bad row with 400 naming the row and column, and imports nothing', async () => {
      const file = await buildTaskFile([
        taskRow({ code: 'NV-API.01' }),
        taskRow({ code: 'NV-API.02', startDate: '2025-10-01', deadline: '2025-09-30' }),
      ]);
      const response = await api.call(
        'POST',
        importPath(),
        { cookie: secretariat },
        { fileBase64: file.toString('base64') },
      );
      const problem = await expectRefusal(response, 400, 'validation-failed');
      expect(problem.errors).toEqual([
        {
          pointer: '/rows/3/deadline',
          detail: 'Dòng 3, cột I (Hạn hoàn thành): must not be before startDate',
        },
      ]);
      const codes = (await steering!.tasks.list({ programId: program.id })).map((t) => t.code);
      expect(codes).not.toContain('NV-API.01');

      // The same file as a raw .xlsx body with acceptValid=true imports the good row.
      const raw = await fetch(`${api.baseUrl}${importPath()}?acceptValid=true`, {
        method: 'POST',
        headers: { cookie: secretariat, 'x-requested-with': 'cang-console', 'content-type': XLSX },
        body: file,
      });
      expect(raw.status, await raw.clone().text()).toBe(200);
      const report = await readJson<TaskImportReport>(raw);
      expect(report).toMatchObject({ committed: true, imported: 1 });
      expect(report.rows.map((row) => [row.row, row.ok])).toEqual([
        [2, true],
        [3, false],
      ]);
    });

    it('serves the program and the period reports as .xlsx with a file name, to a leader', async () => {
      const programFile = await api.call(
        'GET',
        `/api/v1/steering/programs/${program.id}/xlsx?asOf=2025-08-15`,
        {
          cookie: leader,
        },
      );
      expect(programFile.status).toBe(200);
      expect(programFile.headers.get('content-type')).toBe(XLSX);
      expect(programFile.headers.get('content-disposition')).toBe(
        'attachment; filename="chuong-trinh-CT-284-2025-08-15.xlsx"',
      );
      const workbook = await readWorkbook(Buffer.from(await programFile.arrayBuffer()));
      expect(Object.keys(workbook)).toEqual(['Tổng hợp', 'Nhóm nhiệm vụ', 'Nhiệm vụ']);

      const reports = await api.call('GET', '/api/v1/steering/reports/xlsx?period=2025-Q2', {
        cookie: leader,
      });
      expect(reports.status).toBe(200);
      expect(reports.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2025-Q2.xlsx"');
      const bad = await api.call('GET', '/api/v1/steering/reports/xlsx?period=2025-Q9', { cookie: leader });
      await expectRefusal(bad, 400, 'validation-failed');
    });

    it('serves the printable report as HTML that runs no script', async () => {
      const response = await api.call('GET', '/api/v1/steering/reports/print?period=2025-Q2', {
        cookie: leader,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-disposition')).toBe(
        'inline; filename="bao-cao-ban-chi-dao-2025-Q2.html"',
      );
      const page = await response.text();
      expect(page).toContain('Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng');
      expect(page).toContain('Quý II năm 2025');
      await expectRefusal(
        await api.call('GET', '/api/v1/steering/reports/print?period=2025-Q2', {}),
        401,
        'unauthenticated',
      );
    });

    it('describes the import in the OpenAPI document with both body media types', async () => {
      const document = await readJson<{ paths: Record<string, Record<string, unknown>> }>(
        await api.call('GET', '/api/openapi.json'),
      );
      const post = document.paths['/api/v1/steering/programs/{id}/tasks/import']?.post as {
        requestBody: { content: Record<string, unknown> };
      };
      expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/json', XLSX]);
      expect(document.paths['/api/v1/steering/reports/print']).toBeDefined();
    });
  });
}
