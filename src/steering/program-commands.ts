import type { Kysely } from 'kysely';
import { CangError, uuidV7, FieldProblems, parseInput } from '../core/index.js';
import type { AuditActor, Database, SteeringProgramTable } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import type { SteeringContext } from './steering-context.js';
import { GroupInput, ProgramInput, type ProgramView } from './task-schemas.js';
import { groupProgress, isOverdue, weightedProgress } from './task-status.js';
import { findUnit } from './unit-rows.js';

/** Programs and their task groups, with progress rolled up by weight. */
export interface ProgramCommands {
  /** Every program as of a date. */
  list(asOf?: string): Promise<ProgramView[]>;
  /** One program with its groups, progress and overdue counts as of a date. */
  get(id: string, asOf?: string): Promise<ProgramView>;
  /** Records a program. */
  create(actor: AuditActor, input: ProgramInput, options?: { sample?: boolean }): Promise<ProgramView>;
  /** Adds a task group to a program. */
  addGroup(actor: AuditActor, id: string, input: GroupInput): Promise<ProgramView>;
}

/** Reads a program row or throws `not-found`. */
export async function requireProgram(db: Kysely<Database>, id: string): Promise<SteeringProgramTable> {
  const row = await db.selectFrom('steering_programs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No program ${id}`);
  return row;
}

/** Presents a program with its groups' weighted progress as of a date. */
export async function presentProgram(
  db: Kysely<Database>,
  row: SteeringProgramTable,
  asOf: string,
): Promise<ProgramView> {
  const groups = await db
    .selectFrom('steering_task_groups')
    .selectAll()
    .where('program_id', '=', row.id)
    .orderBy('code')
    .execute();
  const tasks = await db
    .selectFrom('steering_tasks')
    .select(['group_id', 'weight', 'progress', 'status', 'deadline'])
    .where('program_id', '=', row.id)
    .execute();
  const groupViews = groups.map((group) => {
    const own = tasks.filter((task) => task.group_id === group.id);
    return {
      id: group.id,
      code: group.code,
      title: group.title,
      weight: group.weight,
      progress: groupProgress(own),
      taskCount: own.length,
      overdueCount: own.filter((task) => isOverdue(task, asOf)).length,
    };
  });
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    unitId: row.unit_id,
    documentId: row.document_id,
    startDate: row.start_date,
    endDate: row.end_date,
    asOf,
    progress: weightedProgress(groupViews),
    groups: groupViews,
    sample: row.sample === 1,
  };
}

/** Builds the program commands over a steering context. */
export function programCommands(context: SteeringContext): ProgramCommands {
  const { db } = context;
  return {
    async list(asOf) {
      const rows = await db.selectFrom('steering_programs').selectAll().orderBy('code').execute();
      return Promise.all(rows.map((row) => presentProgram(db, row, asOf ?? context.today())));
    },

    async get(id, asOf) {
      return presentProgram(db, await requireProgram(db, id), asOf ?? context.today());
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(ProgramInput, raw, 'Invalid program');
      return context.write(actor, async (trx, now) => {
        const problems = new FieldProblems();
        if (!isCalendarDate(input.startDate)) problems.add('/startDate', 'is not a calendar date');
        if (!isCalendarDate(input.endDate)) problems.add('/endDate', 'is not a calendar date');
        else if (input.endDate < input.startDate) problems.add('/endDate', 'must not be before startDate');
        if ((await findUnit(trx, input.unitId)) === undefined)
          problems.add('/unitId', `no unit ${input.unitId}`);
        if (input.documentId !== undefined) {
          const doc = await trx
            .selectFrom('steering_documents')
            .select('id')
            .where('id', '=', input.documentId)
            .executeTakeFirst();
          if (doc === undefined) problems.add('/documentId', `no document ${input.documentId}`);
        }
        problems.throwIfAny('Invalid program');
        const existing = await trx
          .selectFrom('steering_programs')
          .select('id')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (existing !== undefined) throw new CangError('conflict', `Program ${input.code} already exists`);
        const row: SteeringProgramTable = {
          id: uuidV7(now),
          code: input.code,
          title: input.title,
          unit_id: input.unitId,
          document_id: input.documentId ?? null,
          start_date: input.startDate,
          end_date: input.endDate,
          sample: options.sample ? 1 : 0,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_programs').values(row).execute();
        return {
          result: await presentProgram(trx, row, context.today()),
          audit: { action: 'steering.program.create', resource: `${input.unitId}/${row.id}`, details: input },
        };
      });
    },

    async addGroup(actor, id, raw) {
      const input = parseInput(GroupInput, raw, 'Invalid task group');
      return context.write(actor, async (trx, now) => {
        const program = await requireProgram(trx, id);
        const existing = await trx
          .selectFrom('steering_task_groups')
          .select('id')
          .where('program_id', '=', id)
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (existing !== undefined) {
          throw new CangError('validation-failed', 'Invalid task group', {
            errors: [{ pointer: '/code', detail: `group ${input.code} already exists in this program` }],
          });
        }
        const groupId = uuidV7(now);
        await trx
          .insertInto('steering_task_groups')
          .values({
            id: groupId,
            program_id: id,
            code: input.code,
            title: input.title,
            weight: input.weight ?? 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return {
          result: await presentProgram(trx, program, context.today()),
          audit: {
            action: 'steering.group.create',
            resource: `${program.unit_id}/${groupId}`,
            details: input,
          },
        };
      });
    },
  };
}
