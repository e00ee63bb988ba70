import { CangError, uuidV7, FieldProblems, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, SteeringTaskTable } from '../store/index.js';
import type { SteeringContext } from './steering-context.js';
import { checkTask, settleProgress } from './task-checks.js';
import { diffTask, presentTask, readTaskHistory, recordTaskChange, requireTask } from './task-rows.js';
import { type TaskChangeView, TaskInput, TaskPatch, TaskQuery, type TaskView } from './task-schemas.js';
import { isDueSoon, isOverdue } from './task-status.js';

/** Options of a task write. */
export interface TaskWriteOptions {
  readonly sample?: boolean;
  readonly source?: 'create' | 'import';
}

/** Tasks of programs, with their history of changes. */
export interface TaskCommands {
  /** Tasks by code, filtered; overdue and due-soon are computed as of `asOf` (today by default). */
  list(query?: TaskQuery): Promise<TaskView[]>;
  /** One task as of a date. */
  get(id: string, asOf?: string): Promise<TaskView>;
  /** Every change of a task, oldest first. */
  history(id: string): Promise<TaskChangeView[]>;
  /** Adds a task to a program's group. */
  create(
    actor: AuditActor,
    programId: string,
    input: TaskInput,
    options?: TaskWriteOptions,
  ): Promise<TaskView>;
  /** Changes a task; every changed field lands in its history. */
  update(actor: AuditActor, id: string, patch: TaskPatch): Promise<TaskView>;
}

/** Builds the task row a create would store, or throws naming every bad field. */
export async function buildNewTask(
  db: Parameters<typeof checkTask>[0],
  programId: string,
  input: TaskInput,
  now: number,
  sample: boolean,
): Promise<SteeringTaskTable> {
  const problems = new FieldProblems();
  const group = await db
    .selectFrom('steering_task_groups')
    .select(['id', 'program_id'])
    .where('id', '=', input.groupId)
    .executeTakeFirst();
  if (group === undefined || group.program_id !== programId) {
    problems.add('/groupId', `no task group ${input.groupId} in this program`);
  }
  const duplicate = await db
    .selectFrom('steering_tasks')
    .select('id')
    .where('program_id', '=', programId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (duplicate !== undefined) problems.add('/code', `task ${input.code} already exists in this program`);
  const status = input.status ?? 'not-started';
  const settled = settleProgress({ status, progress: 0 }, { status, progress: input.progress });
  const row: SteeringTaskTable = {
    id: uuidV7(now),
    program_id: programId,
    group_id: input.groupId,
    code: input.code,
    title: input.title,
    expected_output: input.expectedOutput,
    lead_unit_id: input.leadUnitId,
    coordinating_unit_ids: JSON.stringify(input.coordinatingUnitIds ?? []),
    start_date: input.startDate,
    deadline: input.deadline,
    funding_source: input.fundingSource ?? null,
    weight: input.weight ?? 1,
    status: settled.status,
    progress: settled.progress,
    sample: sample ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await checkTask(db, row, row.start_date, problems);
  problems.throwIfAny('Invalid task');
  return row;
}

/** Builds the task commands over a steering context. */
export function taskCommands(context: SteeringContext): TaskCommands {
  const { db } = context;
  return {
    async list(raw) {
      const query = parseQuery(TaskQuery, raw);
      const asOf = query.asOf ?? context.today();
      let select = db.selectFrom('steering_tasks').selectAll().orderBy('code');
      if (query.programId !== undefined) select = select.where('program_id', '=', query.programId);
      if (query.groupId !== undefined) select = select.where('group_id', '=', query.groupId);
      if (query.leadUnitId !== undefined) select = select.where('lead_unit_id', '=', query.leadUnitId);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      const rows = (await select.execute()).filter(
        (row) =>
          query.due === undefined || (query.due === 'overdue' ? isOverdue(row, asOf) : isDueSoon(row, asOf)),
      );
      return rows.map((row) => presentTask(row, asOf));
    },

    async get(id, asOf) {
      return presentTask(await requireTask(db, id), asOf ?? context.today());
    },

    async history(id) {
      await requireTask(db, id);
      return readTaskHistory(db, id);
    },

    async create(actor, programId, raw, options = {}) {
      const input = parseInput(TaskInput, raw, 'Invalid task');
      return context.write(actor, async (trx, now) => {
        const program = await trx
          .selectFrom('steering_programs')
          .select('unit_id')
          .where('id', '=', programId)
          .executeTakeFirst();
        if (program === undefined) throw new CangError('not-found', `No program ${programId}`);
        const row = await buildNewTask(trx, programId, input, now, options.sample === true);
        await trx.insertInto('steering_tasks').values(row).execute();
        const source = options.source ?? 'create';
        await recordTaskChange(trx, {
          taskId: row.id,
          actor: actor.id,
          at: now,
          source,
          changes: diffTask(undefined, row),
        });
        return {
          result: presentTask(row, context.today()),
          audit: {
            action: `steering.task.${source}`,
            resource: `${row.lead_unit_id}/${row.id}`,
            details: input,
          },
        };
      });
    },

    async update(actor, id, raw) {
      const patch = parseInput(TaskPatch, raw, 'Invalid task change');
      return context.write(actor, async (trx, now) => {
        const current = await requireTask(trx, id);
        const settled = settleProgress(current, patch);
        const next: SteeringTaskTable = {
          ...current,
          group_id: patch.groupId ?? current.group_id,
          code: patch.code ?? current.code,
          title: patch.title ?? current.title,
          expected_output: patch.expectedOutput ?? current.expected_output,
          lead_unit_id: patch.leadUnitId ?? current.lead_unit_id,
          coordinating_unit_ids:
            patch.coordinatingUnitIds === undefined
              ? current.coordinating_unit_ids
              : JSON.stringify(patch.coordinatingUnitIds),
          start_date: patch.startDate ?? current.start_date,
          deadline: patch.deadline ?? current.deadline,
          funding_source: patch.fundingSource === undefined ? current.funding_source : patch.fundingSource,
          weight: patch.weight ?? current.weight,
          status: settled.status,
          progress: settled.progress,
          updated_at: now,
        };
        const problems = new FieldProblems();
        // A new lead takes over from today (or from the start, if the task has not started yet).
        const today = context.today();
        const assignedOn =
          patch.leadUnitId === undefined || next.start_date > today ? next.start_date : today;
        await checkTask(trx, next, assignedOn, problems);
        if (patch.groupId !== undefined) {
          const group = await trx
            .selectFrom('steering_task_groups')
            .select('program_id')
            .where('id', '=', patch.groupId)
            .executeTakeFirst();
          if (group?.program_id !== current.program_id)
            problems.add('/groupId', `no task group ${patch.groupId} in this program`);
        }
        problems.throwIfAny('Invalid task change');
        const changes = diffTask(current, next);
        const { id: _id, ...values } = next;
        await trx.updateTable('steering_tasks').set(values).where('id', '=', id).execute();
        await recordTaskChange(trx, { taskId: id, actor: actor.id, at: now, source: 'update', changes });
        return {
          result: presentTask(next, today),
          audit: { action: 'steering.task.update', resource: `${next.lead_unit_id}/${id}`, details: changes },
        };
      });
    },
  };
}
