import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.js';
import {
  createSteering,
  type ProgramView,
  SAMPLE_PROGRAM_CODE,
  type Steering,
  seedSteeringReference,
  seedSteeringSample,
} from '../../../steering/index.js';
import {
  buildImportFile,
  buildTaskFile,
  readWorkbook,
  taskRow,
} from '../../../steering/test-support/xlsx-files.js';
import {
  buildBombWorkbook,
  buildManyRowsWorkbook,
  buildZip,
} from '../../../steering/test-support/zip-files.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

const NOW = Date.parse('2025-08-15T03:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/v1/steering/indicators';
const VALUE_TABLES = ['steering_indicator_values'] as const;
const INDICATOR = {
  code: 'ATK-01',
  name: 'Tỷ lệ hồ sơ được xử lý trực tuyến',
  pillar: 'digital-government',
  unit: '%',
  direction: 'up',
  levels: ['city', 'department', 'commune'],
  targets: [{ level: 'department', year: 2024, target: 60 }],
};

for (const dialect of DIALECTS) {
  describe(`uploads and values from the refused side on ${dialect}`, () => {
    let api: ApiHarness;
    let steering: Steering;
    let program: ProgramView;
    let secretariat: string;
    let reporter: string;
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
      expect((await api.call('POST', BASE, { cookie: secretariat }, INDICATOR)).status).toBe(201);
    });
    afterAll(async () => {
      await api?.close();
    });

    const postXlsx = (path: string, cookie: string, file: Buffer) =>
      fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-requested-with': 'cang-console', 'content-type': XLSX },
        body: new Uint8Array(file),
      });

    it('answers a unit reporter’s zip bomb with 413, writes nothing and keeps serving', async () => {
      const bomb = buildBombWorkbook(32 * 1024 * 1024);
      const liar = buildBombWorkbook(32 * 1024 * 1024, 2048);
      await expectNothingWritten(api.store, VALUE_TABLES, async () => {
        for (const file of [bomb, liar]) {
          const refused = await postXlsx(`${BASE}/import.xlsx`, reporter, file);
          const problem = await expectRefusal(refused, 413, 'spreadsheet-too-large');
          expect(problem.errors?.[0]?.pointer).toBe('/file');
        }
        const asJson = await api.call(
          'POST',
          `${BASE}/import`,
          { cookie: reporter },
          { fileBase64: bomb.toString('base64') },
        );
        await expectRefusal(asJson, 413, 'spreadsheet-too-large');
      });
      const good = await buildImportFile([['ATK-01', 'SKHCN', '2024', 50, null, null]]);
      const after = await postXlsx(`${BASE}/import.xlsx`, reporter, good);
      expect(after.status).toBe(200);
      expect(await readJson(after)).toMatchObject({ committed: true, imported: 1 });
    });

    it('answers too many rows with 413 before importing any, for values and for tasks', async () => {
      await expectNothingWritten(
        api.store,
        [...VALUE_TABLES, 'steering_tasks', 'steering_task_history'],
        async () => {
          const values = await postXlsx(`${BASE}/import.xlsx`, reporter, buildManyRowsWorkbook(10_001));
          const problem = await expectRefusal(values, 413, 'spreadsheet-too-large');
          expect(problem.errors).toEqual([
            { pointer: '/file', detail: 'the sheet has more than 10000 rows' },
          ]);
          const tasks = await postXlsx(
            `/api/v1/steering/programs/${program.id}/tasks/import`,
            secretariat,
            buildManyRowsWorkbook(2_001),
          );
          await expectRefusal(tasks, 413, 'spreadsheet-too-large');
        },
      );
    });

    it('answers a malformed zip and a zip that is no workbook with 400 on /file', async () => {
      const good = await buildTaskFile([taskRow({ code: 'NV-BAD.01' })]);
      await expectNothingWritten(api.store, [...VALUE_TABLES, 'steering_tasks'], async () => {
        for (const file of [good.subarray(0, good.length / 2), buildZip([{ name: 'a.txt', data: 'a' }])]) {
          const refused = await postXlsx(`${BASE}/import.xlsx`, reporter, file);
          const problem = await expectRefusal(refused, 400, 'validation-failed');
          expect(problem.errors).toEqual([{ pointer: '/file', detail: 'not an .xlsx workbook' }]);
        }
      });
    });

    it('refuses a unit reporter a verified row of its own unit, by either import route', async () => {
      const file = await buildImportFile([['ATK-01', 'SKHCN', '2023', 80, 'verified', null]]);
      await expectNothingWritten(api.store, VALUE_TABLES, async () => {
        const raw = await postXlsx(`${BASE}/import.xlsx?acceptValid=true`, reporter, file);
        const json = await api.call(
          'POST',
          `${BASE}/import`,
          { cookie: reporter },
          { fileBase64: file.toString('base64') },
        );
        for (const refused of [raw, json]) {
          expect((await expectRefusal(refused, 400, 'validation-failed')).errors).toEqual([
            { pointer: '/rows/2/source', detail: 'only the secretariat may mark a value verified' },
          ]);
        }
      });
    });

    it('never lets a reported value overwrite one the secretariat verified', async () => {
      const path = `${BASE}/ATK-01/values/SKHCN/2022`;
      const verified = await api.call(
        'PUT',
        path,
        { cookie: secretariat },
        { value: 75, source: 'verified' },
      );
      expect(verified.status).toBe(200);
      const file = await buildImportFile([
        ['ATK-01', 'SKHCN', '2022', 10, 'reported', null],
        ['ATK-01', 'SKHCN', '2021', 20, null, null],
      ]);
      await expectNothingWritten(api.store, VALUE_TABLES, async () => {
        const put = await api.call('PUT', path, { cookie: reporter }, { value: 10 });
        expect((await expectRefusal(put, 409, 'conflict')).errors).toEqual([
          {
            pointer: '/source',
            detail: 'the stored value is verified by the secretariat; a reported value does not replace it',
          },
        ]);
        const imported = await postXlsx(`${BASE}/import.xlsx`, reporter, file);
        expect((await expectRefusal(imported, 400, 'validation-failed')).errors?.[0]?.pointer).toBe(
          '/rows/2/source',
        );
      });
      // Accepting the valid rows skips the refused one and says so; the verified value stays.
      const partial = await postXlsx(`${BASE}/import.xlsx?acceptValid=true`, reporter, file);
      expect(await readJson(partial)).toMatchObject({
        committed: true,
        imported: 1,
        rows: [
          { row: 2, ok: false },
          { row: 3, ok: true },
        ],
      });
      const stored = await readJson<{ items: { period: string; value: number; source: string }[] }>(
        await api.call('GET', `${BASE}/values?indicator=ATK-01&unit=SKHCN&period=2022`, {
          cookie: secretariat,
        }),
      );
      expect(stored.items).toMatchObject([{ period: '2022', value: 75, source: 'verified' }]);
    });

    it("shows a unit reporter its own unit's reports and evidence in every state, other units' only once accepted", async () => {
      // A task of another unit that still exists after the merger of 2025-07-01.
      const task = (await steering.tasks.list()).find((each) =>
        ['SNV', 'SYT', 'STP', 'STC', 'SCT'].includes(each.leadUnitId),
      )!;
      const evidence = await api.call(
        'POST',
        '/api/v1/steering/attachments',
        { cookie: secretariat },
        {
          fileName: 'Minh chứng quý III.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64'),
          unitId: task.leadUnitId,
        },
      );
      expect(evidence.status).toBe(201);
      const evidenceId = (await readJson<{ id: string }>(evidence)).id;
      const evidencePath = `/api/v1/steering/attachments/${evidenceId}`;
      const other = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: secretariat },
        {
          unitId: task.leadUnitId,
          period: '2025-Q3',
          narrative: 'Dự thảo báo cáo quý III',
          items: [
            {
              taskId: task.id,
              progress: 40,
              narrative: 'Nội dung dự thảo chưa gửi',
              evidenceIds: [evidenceId],
            },
          ],
        },
      );
      expect(other.status, await other.clone().text()).toBe(201);
      const draft = await readJson<{ id: string }>(other);
      const own = await api.call(
        'POST',
        '/api/v1/steering/reports',
        { cookie: reporter },
        { unitId: 'SKHCN', period: '2025-Q3', narrative: 'Dự thảo của Sở Khoa học và Công nghệ' },
      );
      expect(own.status).toBe(201);
      const ownDraft = await readJson<{ id: string }>(own);

      const refused = await api.call('GET', `/api/v1/steering/reports/${draft.id}`, { cookie: reporter });
      await expectRefusal(refused, 403, 'forbidden');
      await expectRefusal(await api.call('GET', evidencePath, { cookie: reporter }), 403, 'forbidden');
      expect((await api.call('GET', evidencePath, { cookie: secretariat })).status).toBe(200);
      const listed = await readJson<{ items: { id: string; unitId: string; status: string }[] }>(
        await api.call('GET', '/api/v1/steering/reports', { cookie: reporter }),
      );
      expect(listed.items.map((report) => report.id)).toContain(ownDraft.id);
      expect(listed.items.map((report) => report.id)).not.toContain(draft.id);
      for (const report of listed.items)
        expect(report.unitId === 'SKHCN' || report.status === 'accepted').toBe(true);
      expect(
        (await api.call('GET', `/api/v1/steering/reports/${ownDraft.id}`, { cookie: reporter })).status,
      ).toBe(200);

      // Nor do its task lines show in the period's workbook, which the secretariat sees whole.
      const exported = async (cookie: string) =>
        readWorkbook(
          Buffer.from(
            await (
              await api.call('GET', '/api/v1/steering/reports/xlsx?period=2025-Q3', { cookie })
            ).arrayBuffer(),
          ),
        );
      expect((await exported(reporter))['Tiến độ nhiệm vụ']!.slice(1)).toEqual([]);
      expect((await exported(secretariat))['Tiến độ nhiệm vụ']!.slice(1)).toEqual([
        [
          task.leadUnitId,
          expect.any(String),
          'Đang soạn',
          task.code,
          task.title,
          40,
          task.progress,
          'Nội dung dự thảo chưa gửi',
        ],
      ]);

      // Once accepted, the other unit's report is open to every reader.
      expect(
        (await api.call('POST', `/api/v1/steering/reports/${draft.id}/submit`, { cookie: secretariat }, {}))
          .status,
      ).toBe(200);
      expect(
        (await api.call('POST', `/api/v1/steering/reports/${draft.id}/accept`, { cookie: secretariat }, {}))
          .status,
      ).toBe(200);
      expect(
        (await api.call('GET', `/api/v1/steering/reports/${draft.id}`, { cookie: reporter })).status,
      ).toBe(200);
      expect((await exported(reporter))['Tiến độ nhiệm vụ']!.slice(1)).toHaveLength(1);
      expect((await api.call('GET', evidencePath, { cookie: reporter })).status).toBe(200);
      const secretariatList = await readJson<{ items: { id: string }[] }>(
        await api.call('GET', '/api/v1/steering/reports', { cookie: secretariat }),
      );
      expect(secretariatList.items.map((report) => report.id)).toContain(ownDraft.id);
    });
  });
}
