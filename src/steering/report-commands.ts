import { CangError, uuidV7, FieldProblems, parseInput, parseQuery } from '../core/index.js';
import type { Kysely } from 'kysely';
import type { AuditActor, Database, SteeringReportTable } from '../store/index.js';
import { requirePeriod } from './period-input.js';
import { checkItems, presentReport, requireReport, writeItems } from './report-rows.js';
import { ReportInput, ReportPatch, ReportQuery, type ReportView, ReturnInput } from './report-schemas.js';
import type { SteeringContext } from './steering-context.js';
import { settleProgress } from './task-checks.js';
import { diffTask, recordTaskChange, requireTask } from './task-rows.js';
import { levelSwitchProblem } from './unit-kinds.js';
import { activeDuring, findUnit } from './unit-rows.js';

/** The report a command acts on, as read inside its transaction. */
export interface ReportSubject {
  readonly id: string;
  readonly unitId: string;
  readonly period: string;
}

/**
 * Checks that the caller may act on the report it is given, read inside the command's transaction,
 * and throws to refuse: the command then changes nothing. The API passes its authorization here, so a
 * report is read once, not once to authorize and again to change it.
 */
export type AuthoriseReport = (report: ReportSubject) => void;

/** Periodic reports of units: draft → submitted → accepted | returned (→ edited and resubmitted). */
export interface ReportCommands {
  /** Reports by period and unit. */
  list(query?: ReportQuery): Promise<ReportView[]>;
  /** One report. */
  get(id: string): Promise<ReportView>;
  /** Starts a draft report for a unit and a period that has begun, while the unit exists. */
  create(actor: AuditActor, input: ReportInput, options?: { sample?: boolean }): Promise<ReportView>;
  /** Edits a draft or returned report; refused (`conflict`) once submitted or accepted. */
  update(actor: AuditActor, id: string, patch: ReportPatch, authorise?: AuthoriseReport): Promise<ReportView>;
  /** Submits a draft or returned report. */
  submit(actor: AuditActor, id: string, authorise?: AuthoriseReport): Promise<ReportView>;
  /** Accepts a submitted report and applies its progress to the tasks, with history. */
  accept(actor: AuditActor, id: string): Promise<ReportView>;
  /** Returns a submitted report with a comment. */
  return(actor: AuditActor, id: string, input: { comment: string }): Promise<ReportView>;
}

function requireStatus(row: SteeringReportTable, allowed: readonly string[], doing: string): void {
  if (!allowed.includes(row.status)) {
    throw new CangError('conflict', `A ${row.status} report cannot be ${doing}`);
  }
}

/** Builds the report commands over a steering context. */
export function reportCommands(context: SteeringContext): ReportCommands {
  const { db } = context;

  async function transition(
    actor: AuditActor,
    id: string,
    allowed: readonly string[],
    doing: string,
    apply: (
      row: SteeringReportTable,
      now: number,
      trx: Parameters<Parameters<SteeringContext['write']>[1]>[0],
    ) => Promise<Partial<SteeringReportTable>>,
    authorise?: AuthoriseReport,
  ): Promise<ReportView> {
    return context.write(actor, async (trx, now) => {
      const row = await requireReport(trx, id);
      authorise?.({ id: row.id, unitId: row.unit_id, period: row.period });
      requireStatus(row, allowed, doing);
      const changes = { ...(await apply(row, now, trx)), updated_at: now };
      await trx.updateTable('steering_reports').set(changes).where('id', '=', id).execute();
      return {
        result: await presentReport(trx, { ...row, ...changes }),
        audit: {
          action: `steering.report.${doing}`,
          resource: `${row.unit_id}/${id}`,
          details: { period: row.period, status: changes.status },
        },
      };
    });
  }

  return {
    async list(raw) {
      const query = parseQuery(ReportQuery, raw);
      let select = db.selectFrom('steering_reports').selectAll().orderBy('period').orderBy('unit_id');
      if (query.period !== undefined) select = select.where('period', '=', query.period);
      if (query.unitId !== undefined) select = select.where('unit_id', '=', query.unitId);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      const rows = await select.execute();
      return Promise.all(rows.map((row) => presentReport(db, row)));
    },

    async get(id) {
      return presentReport(db, await requireReport(db, id));
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(ReportInput, raw, 'Invalid report');
      const period = requirePeriod(input.period);
      return context.write(actor, async (trx, now) => {
        const problems = new FieldProblems();
        if (period.start > context.today())
          problems.add('/period', `has not started yet (it starts on ${period.start})`);
        const unit = await findUnit(trx, input.unitId);
        if (unit === undefined) problems.add('/unitId', `no unit ${input.unitId}`);
        else if (!activeDuring(unit, period.start, period.end)) {
          problems.add(
            '/unitId',
            `${unit.name} does not exist in ${input.period} (${unit.valid_from} – ${unit.valid_to ?? '…'})`,
          );
        } else {
          const levelSwitch = levelSwitchProblem(unit.kind, period);
          if (levelSwitch !== undefined) problems.add('/period', levelSwitch);
        }
        await checkItems(trx, input.unitId, input.items ?? [], problems);
        problems.throwIfAny('Invalid report');
        const existing = await trx
          .selectFrom('steering_reports')
          .select('id')
          .where('unit_id', '=', input.unitId)
          .where('period', '=', input.period)
          .executeTakeFirst();
        if (existing !== undefined) {
          throw new CangError(
            'conflict',
            `${input.unitId} already has a report for ${input.period}; edit it instead`,
          );
        }
        const row: SteeringReportTable = {
          id: uuidV7(now),
          unit_id: input.unitId,
          period: input.period,
          sample: options.sample === true ? 1 : 0,
          status: 'draft',
          narrative: input.narrative,
          return_comment: null,
          submitted_at: null,
          decided_at: null,
          decided_by: null,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_reports').values(row).execute();
        await writeItems(trx, row.id, input.items ?? []);
        return {
          result: await presentReport(trx, row),
          audit: {
            action: 'steering.report.create',
            resource: `${row.unit_id}/${row.id}`,
            details: { period: row.period },
          },
        };
      });
    },

    async update(actor, id, raw, authorise) {
      const patch = parseInput(ReportPatch, raw, 'Invalid report change');
      const edit = async (row: SteeringReportTable, _now: number, trx: Kysely<Database>) => {
        if (patch.items !== undefined) {
          const problems = new FieldProblems();
          await checkItems(trx, row.unit_id, patch.items, problems);
          problems.throwIfAny('Invalid report change');
          await writeItems(trx, id, patch.items);
        }
        return patch.narrative === undefined ? {} : { narrative: patch.narrative };
      };
      return transition(actor, id, ['draft', 'returned'], 'edited', edit, authorise);
    },

    submit(actor, id, authorise) {
      const apply = async (_row: SteeringReportTable, now: number) => ({
        status: 'submitted' as const,
        submitted_at: now,
      });
      return transition(actor, id, ['draft', 'returned'], 'submitted', apply, authorise);
    },

    accept(actor, id) {
      return transition(actor, id, ['submitted'], 'accepted', async (_row, now, trx) => {
        const items = await trx
          .selectFrom('steering_report_items')
          .selectAll()
          .where('report_id', '=', id)
          .execute();
        for (const item of items) {
          const task = await requireTask(trx, item.task_id);
          const settled = settleProgress(task, { progress: item.progress });
          const next = { ...task, ...settled, updated_at: now };
          await trx
            .updateTable('steering_tasks')
            .set({ ...settled, updated_at: now })
            .where('id', '=', task.id)
            .execute();
          await recordTaskChange(trx, {
            taskId: task.id,
            actor: actor.id,
            at: now,
            source: 'report',
            reportId: id,
            changes: diffTask(task, next),
          });
        }
        return { status: 'accepted', decided_at: now, decided_by: actor.id, return_comment: null };
      });
    },

    return(actor, id, raw) {
      const input = parseInput(ReturnInput, raw, 'Invalid return');
      return transition(actor, id, ['submitted'], 'returned', async (_row, now) => ({
        status: 'returned',
        return_comment: input.comment,
        decided_at: now,
        decided_by: actor.id,
      }));
    },
  };
}
