import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { SAMPLE_PROGRAM_CODE } from './seed/seed-steering-sample.js';
import {
  countRows,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';

async function programOf(fx: SteeringFixture) {
  const programs = await fx.steering.programs.list();
  return programs.find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
}

function newTask(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    groupId,
    code: 'NV-TEST.01',
    title: 'Triển khai nền tảng họp trực tuyến',
    expectedOutput: 'Nền tảng vận hành',
    leadUnitId: 'SKHCN',
    startDate: '2025-04-01',
    deadline: '2025-09-30',
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`steering tasks on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('refuses a deadline before the start, a merged lead unit and unknown units, naming each field', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const groupId = program.groups[0]!.id;
      const before = [await countRows(fx.store, 'steering_tasks'), await countRows(fx.store, 'audit_events')];
      const refused = fx.steering.tasks.create(
        SECRETARIAT,
        program.id,
        newTask(groupId, { leadUnitId: 'STTTT', deadline: '2025-03-01', coordinatingUnitIds: ['NOPE'] }),
      );
      await expect(refused).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [
          { pointer: '/deadline', detail: 'must not be before startDate' },
          {
            pointer: '/leadUnitId',
            detail: 'Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ on 2025-03-01',
          },
          { pointer: '/coordinatingUnitIds/0', detail: 'no unit NOPE' },
        ],
      });
      await expect(
        fx.steering.tasks.create(SECRETARIAT, program.id, newTask(groupId, { leadUnitId: 'NOPE' })),
      ).rejects.toMatchObject({ errors: [{ pointer: '/leadUnitId', detail: 'no unit NOPE' }] });
      // A failed write leaves nothing behind: no task, no history, no audit entry.
      expect([
        await countRows(fx.store, 'steering_tasks'),
        await countRows(fx.store, 'audit_events'),
      ]).toEqual(before);
    });

    it('gives a status its default progress and records every change in the history', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const task = await fx.steering.tasks.create(SECRETARIAT, program.id, newTask(program.groups[0]!.id));
      expect(task).toMatchObject({ status: 'not-started', progress: 0, sample: false });
      const started = await fx.steering.tasks.update(SECRETARIAT, task.id, { status: 'in-progress' });
      expect(started.progress).toBe(50);
      const done = await fx.steering.tasks.update(SECRETARIAT, task.id, { progress: 100 });
      expect(done.status).toBe('completed');
      await expect(
        fx.steering.tasks.update(SECRETARIAT, task.id, { status: 'completed', progress: 40 }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/progress' }] });
      const history = await fx.steering.tasks.history(task.id);
      expect(history.map((h) => h.source)).toEqual(['create', 'update', 'update']);
      expect(history[1]!.changes).toEqual({
        status: { from: 'not-started', to: 'in-progress' },
        progress: { from: 0, to: 50 },
      });
      expect(history[1]!.actor).toBe(SECRETARIAT.id);
    });

    it('rolls progress up by weight, leaving out suspended and cancelled tasks', async () => {
      fx = await createSteeringFixture(dialect, { seed: true });
      const program = await programOf(fx);
      const group = program.groups.find((g) => g.code === '09')!;
      // Group 09: completed (w1, 100), in-progress (w1, 40), cancelled (w1, 10, left out).
      expect(group.progress).toBe(70);
      const hr = program.groups.find((g) => g.code === '06')!;
      // Group 06: 65 (w2), 100 (w1), suspended 20 (left out) → (130 + 100) / 3.
      expect(hr.progress).toBe(76.7);
      expect(program.progress).not.toBeNull();
    });

    it('computes overdue and due-soon as of a date', async () => {
      fx = await createSteeringFixture(dialect);
      const program = await programOf(fx);
      const overdue = await fx.steering.tasks.list({
        programId: program.id,
        due: 'overdue',
        asOf: '2025-08-15',
      });
      expect(overdue.map((t) => t.title)).toContain('Chuyển đổi số doanh nghiệp nhỏ và vừa');
      expect(overdue.every((t) => t.overdue && t.deadline < '2025-08-15')).toBe(true);
      expect(overdue.some((t) => t.status === 'completed' || t.status === 'cancelled')).toBe(false);
      const soon = await fx.steering.tasks.list({ due: 'due-soon', asOf: '2025-09-01' });
      expect(soon.map((t) => t.deadline)).toEqual(['2025-09-30']);
      expect(soon[0]!.dueSoon).toBe(true);
    });
  });
}
