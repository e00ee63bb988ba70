import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { CangError } from '../core/index.js';
import { requirePeriod } from './period-input.js';
import { reportDeadline } from './report-deadline.js';
import {
  countRows,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';

const REPORTER = { id: 'user-reporter-skhcn', remoteAddress: null };

describe('report periods', () => {
  it('derives each period’s days and a deadline 5 days after its end', () => {
    expect(requirePeriod('2025-02')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
    expect(requirePeriod('2024-Q1')).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
    expect(requirePeriod('2025-H2')).toMatchObject({ start: '2025-07-01', end: '2025-12-31' });
    expect(requirePeriod('2025')).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(reportDeadline(requirePeriod('2025-Q2'))).toBe('2025-07-05');
    expect(() => requirePeriod('2025-Q5')).toThrow(expect.objectContaining({ code: 'validation-failed' }));
  });
});

for (const dialect of DIALECTS) {
  describe(`steering reports on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    async function skhcnTask(f: SteeringFixture) {
      return (await f.steering.tasks.list({ leadUnitId: 'SKHCN' })).find((t) => t.status === 'in-progress')!;
    }

    it('hands the authorisation hook the report read in its transaction; a refusal changes nothing', async () => {
      fx = await createSteeringFixture(dialect);
      const draft = await fx.steering.reports.create(REPORTER, {
        unitId: 'SKHCN',
        period: '2025-Q2',
        narrative: 'Quý II',
      });
      const audits = await countRows(fx.store, 'audit_events');
      const seen: unknown[] = [];
      const refuse = (report: unknown) => {
        seen.push(report);
        throw new CangError('forbidden', 'Not your unit');
      };
      await expect(fx.steering.reports.submit(REPORTER, draft.id, refuse)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        fx.steering.reports.update(REPORTER, draft.id, { narrative: 'changed' }, refuse),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect(seen).toEqual([
        { id: draft.id, unitId: 'SKHCN', period: '2025-Q2' },
        { id: draft.id, unitId: 'SKHCN', period: '2025-Q2' },
      ]);
      expect(await fx.steering.reports.get(draft.id)).toMatchObject({ status: 'draft', narrative: 'Quý II' });
      expect(await countRows(fx.store, 'audit_events')).toBe(audits);
      // A hook that lets the caller through: the command goes on with the same row.
      const allowed: unknown[] = [];
      await expect(
        fx.steering.reports.submit(REPORTER, draft.id, (report) => void allowed.push(report)),
      ).resolves.toMatchObject({ status: 'submitted' });
      expect(allowed).toHaveLength(1);
    });

    it('refuses a period not yet started, a unit that did not exist then, and tasks of another unit', async () => {
      fx = await createSteeringFixture(dialect);
      const before = await countRows(fx.store, 'steering_reports');
      await expect(
        fx.steering.reports.create(REPORTER, { unitId: 'SKHCN', period: '2025-Q4', narrative: 'x' }),
      ).rejects.toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/period' }] });
      await expect(
        fx.steering.reports.create(REPORTER, { unitId: 'SKHDT', period: '2025-Q2', narrative: 'x' }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/unitId' }] });
      const other = (await fx.steering.tasks.list({ leadUnitId: 'SYT' }))[0]!;
      await expect(
        fx.steering.reports.create(REPORTER, {
          unitId: 'SKHCN',
          period: '2025-Q2',
          narrative: 'x',
          items: [{ taskId: other.id, progress: 90 }],
        }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/items/0/taskId', detail: 'is not led by SKHCN' }] });
      expect(await countRows(fx.store, 'steering_reports')).toBe(before);
      // SKHĐT existed in 2025-Q1 (until 2025-02-28), so it may report for it.
      await expect(
        fx.steering.reports.create(REPORTER, { unitId: 'SKHDT', period: '2025-Q1', narrative: 'Quý I' }),
      ).resolves.toMatchObject({ status: 'draft', deadline: '2025-04-05' });
    });

    it('runs draft → submitted → returned → resubmitted → accepted and applies progress with history', async () => {
      fx = await createSteeringFixture(dialect);
      const task = await skhcnTask(fx);
      const draft = await fx.steering.reports.create(REPORTER, {
        unitId: 'SKHCN',
        period: '2025-Q2',
        narrative: 'Kết quả quý II',
        items: [{ taskId: task.id, progress: task.progress + 5 }],
      });
      await fx.steering.reports.submit(REPORTER, draft.id);
      await expect(fx.steering.reports.update(REPORTER, draft.id, { narrative: 'y' })).rejects.toMatchObject({
        code: 'conflict',
      });
      const returned = await fx.steering.reports.return(SECRETARIAT, draft.id, {
        comment: 'Bổ sung minh chứng',
      });
      expect(returned).toMatchObject({ status: 'returned', returnComment: 'Bổ sung minh chứng' });
      await fx.steering.reports.update(REPORTER, draft.id, {
        items: [{ taskId: task.id, progress: task.progress + 10, narrative: 'Đã bổ sung' }],
      });
      await fx.steering.reports.submit(REPORTER, draft.id);
      const accepted = await fx.steering.reports.accept(SECRETARIAT, draft.id);
      expect(accepted).toMatchObject({ status: 'accepted', decidedBy: SECRETARIAT.id });
      expect((await fx.steering.tasks.get(task.id)).progress).toBe(task.progress + 10);
      const last = (await fx.steering.tasks.history(task.id)).at(-1)!;
      expect(last).toMatchObject({ source: 'report', reportId: draft.id, actor: SECRETARIAT.id });
      expect(last.changes.progress).toEqual({ from: task.progress, to: task.progress + 10 });
      await expect(fx.steering.reports.update(REPORTER, draft.id, { narrative: 'z' })).rejects.toMatchObject({
        code: 'conflict',
      });
      await expect(fx.steering.reports.accept(SECRETARIAT, draft.id)).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('lists late and missing reports for a period', async () => {
      fx = await createSteeringFixture(dialect, { now: Date.parse('2025-07-03T03:00:00Z') });
      const onTime = await fx.steering.reports.create(REPORTER, {
        unitId: 'SKHCN',
        period: '2025-Q2',
        narrative: 'x',
      });
      await fx.steering.reports.submit(REPORTER, onTime.id);
      fx.setNow(Date.parse('2025-07-10T03:00:00Z'));
      const late = await fx.steering.reports.create(REPORTER, {
        unitId: 'SYT',
        period: '2025-Q2',
        narrative: 'x',
      });
      await fx.steering.reports.submit(REPORTER, late.id);
      const status = await fx.steering.reportingStatus('2025-Q2');
      expect(status.deadline).toBe('2025-07-05');
      expect(status.units.find((u) => u.unitId === 'SKHCN')!.state).toBe('on-time');
      expect(status.late).toEqual(['SYT']);
      expect(status.missing).toContain('SNV');
      expect(status.missing).not.toContain('STTTT'); // merged before the period began
      const gaps = await fx.steering.gaps({ period: '2025-Q2' });
      expect(gaps.reporting?.missing).toEqual(status.missing);
    });
  });
}
