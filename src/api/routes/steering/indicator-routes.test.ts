import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSteering } from '../../../steering/index.js';
import { insertUnits } from '../../../steering/test-support/steering-fixtures.js';
import { buildImportFile, readWorkbook } from '../../../steering/test-support/xlsx-files.js';
import { DIALECTS } from '../../../../test/support/dialects.js';
import { type ApiHarness, readJson, startApi } from '../../test-support/api-harness.js';
import { expectNothingWritten, expectRefusal } from '../../test-support/expect-refusal.js';

const NOW = Date.parse('2025-06-15T03:00:00Z');
const BASE = '/api/v1/steering/indicators';
const CQS_03 = {
  code: 'CQS-03',
  name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
  pillar: 'digital-government',
  unit: '%',
  direction: 'up',
  levels: ['city', 'department', 'district', 'commune'],
  targets: [{ level: 'department', year: 2022, target: 60 }],
};

for (const dialect of DIALECTS) {
  describe(`indicator API on ${dialect}`, () => {
    let api: ApiHarness;
    let secretariat: string;
    let reporterSnv: string;
    let leader: string;
    beforeAll(async () => {
      api = await startApi(dialect, {
        parts: (store) => ({ steering: createSteering({ store, now: () => NOW }) }),
      });
      await insertUnits(api.store.db);
      secretariat = await api.sessionFor('thu-ky', [{ role: 'steering-secretariat' }]);
      reporterSnv = await api.sessionFor('bao-cao-snv', [{ role: 'unit-reporter', scope: 'SNV' }]);
      leader = await api.sessionFor('lanh-dao', [{ role: 'leader' }]);
      const created = await api.call('POST', BASE, { cookie: secretariat }, CQS_03);
      expect(created.status).toBe(201);
    });
    afterAll(async () => {
      await api.close();
    });

    it('answers a unit’s series with its source per point, 404 for an unknown unit, 401 anonymous', async () => {
      await api.call('PUT', `${BASE}/CQS-03/values/Q-NGOQUYEN/2023`, { cookie: secretariat }, { value: 40 });
      const response = await api.call('GET', `${BASE}/CQS-03/series/Q-NGOQUYEN`, { cookie: leader });
      expect(response.status).toBe(200);
      expect(await readJson(response)).toMatchObject({
        unitId: 'Q-NGOQUYEN',
        method: 'weighted-mean',
        points: [{ period: '2023', value: 40, source: 'reported', derived: false }],
      });
      const unknown = await api.call('GET', `${BASE}/CQS-03/series/NOPE`, { cookie: leader });
      expect(unknown.status).toBe(404);
      expect((await readJson(unknown)).code).toBe('not-found');
      expect((await api.call('GET', `${BASE}/CQS-03/series/Q-NGOQUYEN`, {})).status).toBe(401);
    });

    it('lets a unit reporter record a value for its own unit', async () => {
      const response = await api.call(
        'PUT',
        `${BASE}/CQS-03/values/SNV/2024`,
        { cookie: reporterSnv },
        { value: 48, evidenceNote: 'Báo cáo 5/BC-SNV' },
      );
      expect(response.status).toBe(200);
      expect(await readJson(response)).toMatchObject({ unitId: 'SNV', value: 48, source: 'reported' });
    });

    it('refuses a reporter of SNV a value for STP with 403 forbidden', async () => {
      await expectNothingWritten(api.store, ['steering_indicator_values'], async () => {
        const response = await api.call(
          'PUT',
          `${BASE}/CQS-03/values/STP/2024`,
          { cookie: reporterSnv },
          { value: 99 },
        );
        await expectRefusal(response, 403, 'forbidden');
      });
      const stored = await readJson<{ items: unknown[] }>(
        await api.call('GET', `${BASE}/values?unit=STP`, { cookie: leader }),
      );
      expect(stored.items).toEqual([]);
    });

    it('refuses a reporter the verified source, and a leader any change', async () => {
      const tables = [
        'steering_indicators',
        'steering_indicator_targets',
        'steering_indicator_values',
      ] as const;
      await expectNothingWritten(api.store, tables, async () => {
        const verified = await api.call(
          'PUT',
          `${BASE}/CQS-03/values/SNV/2024`,
          { cookie: reporterSnv },
          { value: 48, source: 'verified' },
        );
        await expectRefusal(verified, 403, 'forbidden');
        const byLeader = await api.call('POST', BASE, { cookie: leader }, { ...CQS_03, code: 'CQS-09' });
        await expectRefusal(byLeader, 403, 'forbidden');
        const reporterDefines = await api.call(
          'PATCH',
          `${BASE}/CQS-03`,
          { cookie: reporterSnv },
          { weight: 5 },
        );
        await expectRefusal(reporterDefines, 403, 'forbidden');
      });
    });

    it('names each bad field of an indicator and of a refused value', async () => {
      const bad = await api.call(
        'POST',
        BASE,
        { cookie: secretariat },
        { ...CQS_03, code: 'x', direction: 'sideways' },
      );
      const problem = await expectRefusal(bad, 400, 'validation-failed');
      expect(problem.errors!.map((error) => error.pointer)).toEqual(
        expect.arrayContaining(['/code', '/direction']),
      );
      const future = await api.call(
        'PUT',
        `${BASE}/CQS-03/values/SNV/2025-12`,
        { cookie: secretariat },
        { value: 1 },
      );
      expect((await expectRefusal(future, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/period', detail: 'the period 2025-12 has not started' },
      ]);
    });

    it('lets a leader read scores with their explanation and the ranking', async () => {
      const scores = await api.call('GET', `${BASE}/scores/2024?unit=SNV`, { cookie: leader });
      expect(scores.status).toBe(200);
      const board = await readJson<{ units: { index: number; components: unknown[] }[] }>(scores);
      expect(board.units[0]).toMatchObject({ index: 0.8 });
      expect(board.units[0]!.components).toEqual([
        {
          indicatorCode: 'CQS-03',
          actual: 48,
          target: 60,
          ratio: 0.8,
          attainment: 0.8,
          weight: 1,
          rule: 'ratio',
        },
      ]);
      const ranking = await readJson<{ units: { unitId: string; rank: number }[] }>(
        await api.call('GET', `${BASE}/ranking/2024?kind=department`, { cookie: leader }),
      );
      expect(ranking.units[0]).toMatchObject({ unitId: 'SNV', rank: 1 });
    });

    it('exports the scoreboard as .xlsx', async () => {
      const response = await api.call('GET', `${BASE}/scoreboard/2024/xlsx`, { cookie: leader });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      const sheets = await readWorkbook(new Uint8Array(await response.arrayBuffer()));
      // Ranked per level, the city first: SNV leads the departments.
      const rows = sheets['Xếp hạng']!;
      expect(rows[1]![1]).toBe('UBND-HP');
      expect(rows.find((row) => row[1] === 'SNV')![0]).toBe(1);
    });

    it('imports nothing from a file with a bad row, naming the row and field', async () => {
      const file = await buildImportFile([
        ['CQS-03', 'STP', '2024-Q1', 55, null, null],
        ['CQS-03', 'NOPE', '2024-Q1', 55, null, null],
      ]);
      const response = await api.call(
        'POST',
        `${BASE}/import`,
        { cookie: secretariat },
        { fileBase64: file.toString('base64') },
      );
      expect((await expectRefusal(response, 400, 'validation-failed')).errors).toEqual([
        { pointer: '/rows/3/unit', detail: 'no steering unit NOPE' },
      ]);
      const stored = await readJson<{ items: unknown[] }>(
        await api.call('GET', `${BASE}/values?period=2024-Q1`, { cookie: leader }),
      );
      expect(stored.items).toEqual([]);
    });

    it('imports a raw .xlsx body, and refuses a reporter rows of another unit', async () => {
      const file = await buildImportFile([['CQS-03', 'SNV', '2024-Q2', 50, null, null]]);
      // The harness sends JSON; a raw body goes through fetch itself.
      const ok = await fetch(`${api.baseUrl}${BASE}/import.xlsx`, {
        method: 'POST',
        headers: {
          cookie: reporterSnv,
          'x-requested-with': 'cang-console',
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: new Uint8Array(file),
      });
      expect(ok.status).toBe(200);
      expect(await readJson(ok)).toMatchObject({ committed: true, imported: 1 });
      const other = await buildImportFile([['CQS-03', 'STP', '2024-Q2', 50, null, null]]);
      await expectNothingWritten(api.store, ['steering_indicator_values'], async () => {
        const refused = await api.call(
          'POST',
          `${BASE}/import`,
          { cookie: reporterSnv },
          { fileBase64: other.toString('base64') },
        );
        const problem = await expectRefusal(refused, 400, 'validation-failed');
        expect(problem.errors).toEqual([
          { pointer: '/rows/2/unit', detail: 'you may not report values for STP' },
        ]);
        const byLeader = await api.call(
          'POST',
          `${BASE}/import`,
          { cookie: leader },
          { fileBase64: other.toString('base64') },
        );
        await expectRefusal(byLeader, 403, 'forbidden');
      });
    });
  });
}
