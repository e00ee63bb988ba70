import type { Kysely } from 'kysely';
import type { AuditActor, Database } from '../store/index.js';
import { SAMPLE_EVIDENCE } from './indicators/seed/haiphong-indicators.js';
import type { SteeringContext } from './steering-context.js';

/** What removing the steering workspace's sample deleted, per kind. */
export interface SteeringSampleRemoval {
  readonly dtiAssignments: number;
  readonly dtiCampaigns: number;
  readonly dtiPublished: number;
  readonly workingCalendars: number;
  readonly reports: number;
  readonly reportItems: number;
  readonly tasks: number;
  readonly taskGroups: number;
  readonly programs: number;
  readonly committees: number;
  readonly committeeMembers: number;
  readonly documents: number;
  readonly indicatorValues: number;
}

const deleted = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

/**
 * Deletes the steering workspace's sample in one audited write, children before the rows they hang on:
 * the DTI's sample assignments, campaigns and published results, the sample working calendars, the
 * sample reports and tasks with their lines and history, the sample programs' groups, the sample
 * committees with their members and decisions, the sample documents, and the sample indicator values
 * (which carry the sample's evidence note, having no column of their own). What hangs on a sample row
 * goes with it, sample or not, since it cannot outlive it: an operator's line on a sample task, an
 * assignment in the sample campaign. A real program or committee decision that names a sample document
 * keeps its place and loses the reference. Units, indicators, targets and DTI methods are reference data
 * and stay. Idempotent: a second run deletes nothing.
 */
export async function removeSteeringSample(
  context: SteeringContext,
  actor: AuditActor,
): Promise<SteeringSampleRemoval> {
  return context.write(actor, async (trx) => {
    const sampleCampaigns = (db: Kysely<Database>) =>
      db.selectFrom('steering_dti_campaigns').select('year').where('sample', '=', 1);
    const samplePrograms = (db: Kysely<Database>) =>
      db.selectFrom('steering_programs').select('id').where('sample', '=', 1);
    const sampleTasks = (db: Kysely<Database>) =>
      db
        .selectFrom('steering_tasks')
        .select('id')
        .where((eb) => eb.or([eb('sample', '=', 1), eb('program_id', 'in', samplePrograms(db))]));
    const sampleReports = (db: Kysely<Database>) =>
      db.selectFrom('steering_reports').select('id').where('sample', '=', 1);
    const sampleCommittees = (db: Kysely<Database>) =>
      db.selectFrom('steering_committees').select('id').where('sample', '=', 1);
    const sampleDocuments = (db: Kysely<Database>) =>
      db.selectFrom('steering_documents').select('id').where('sample', '=', 1);

    // 1. The DTI: assignments of the sample campaigns go with them.
    const dtiAssignments = deleted(
      await trx
        .deleteFrom('steering_dti_assignments')
        .where((eb) => eb.or([eb('sample', '=', 1), eb('year', 'in', sampleCampaigns(trx))]))
        .executeTakeFirst(),
    );
    const dtiCampaigns = deleted(
      await trx.deleteFrom('steering_dti_campaigns').where('sample', '=', 1).executeTakeFirst(),
    );
    const dtiPublished = deleted(
      await trx.deleteFrom('steering_dti_published').where('sample', '=', 1).executeTakeFirst(),
    );

    // 2. The sample years' official calendars and their days.
    await trx
      .deleteFrom('steering_working_calendar_days')
      .where(
        'year',
        'in',
        trx.selectFrom('steering_working_calendars').select('year').where('sample', '=', 1),
      )
      .execute();
    const workingCalendars = deleted(
      await trx.deleteFrom('steering_working_calendars').where('sample', '=', 1).executeTakeFirst(),
    );

    // 3. Reports and tasks: the lines on either, the tasks' history, then the reports and tasks.
    const reportItems = deleted(
      await trx
        .deleteFrom('steering_report_items')
        .where((eb) =>
          eb.or([eb('report_id', 'in', sampleReports(trx)), eb('task_id', 'in', sampleTasks(trx))]),
        )
        .executeTakeFirst(),
    );
    await trx.deleteFrom('steering_task_history').where('task_id', 'in', sampleTasks(trx)).execute();
    const reports = deleted(
      await trx.deleteFrom('steering_reports').where('sample', '=', 1).executeTakeFirst(),
    );
    const tasks = deleted(
      await trx.deleteFrom('steering_tasks').where('id', 'in', sampleTasks(trx)).executeTakeFirst(),
    );

    // 4. The sample programs and their task groups.
    const taskGroups = deleted(
      await trx
        .deleteFrom('steering_task_groups')
        .where('program_id', 'in', samplePrograms(trx))
        .executeTakeFirst(),
    );
    const programs = deleted(
      await trx.deleteFrom('steering_programs').where('sample', '=', 1).executeTakeFirst(),
    );

    // 5. Committees: sample members of any committee, and whatever a sample committee holds.
    const committeeMembers = deleted(
      await trx
        .deleteFrom('steering_committee_members')
        .where((eb) => eb.or([eb('sample', '=', 1), eb('committee_id', 'in', sampleCommittees(trx))]))
        .executeTakeFirst(),
    );
    await trx
      .deleteFrom('steering_committee_decisions')
      .where('committee_id', 'in', sampleCommittees(trx))
      .execute();
    const committees = deleted(
      await trx.deleteFrom('steering_committees').where('sample', '=', 1).executeTakeFirst(),
    );

    // 6. Documents, once nothing real names them any more.
    await trx
      .updateTable('steering_programs')
      .set({ document_id: null })
      .where('document_id', 'in', sampleDocuments(trx))
      .execute();
    await trx
      .updateTable('steering_committee_decisions')
      .set({ document_id: null })
      .where('document_id', 'in', sampleDocuments(trx))
      .execute();
    const documents = deleted(
      await trx.deleteFrom('steering_documents').where('sample', '=', 1).executeTakeFirst(),
    );

    // 7. The sample's reported values, which the seed writes with its evidence note.
    const indicatorValues = deleted(
      await trx
        .deleteFrom('steering_indicator_values')
        .where('source', '=', 'reported')
        .where('evidence_note', '=', SAMPLE_EVIDENCE)
        .executeTakeFirst(),
    );

    const removal: SteeringSampleRemoval = {
      dtiAssignments,
      dtiCampaigns,
      dtiPublished,
      workingCalendars,
      reports,
      reportItems,
      tasks,
      taskGroups,
      programs,
      committees,
      committeeMembers,
      documents,
      indicatorValues,
    };
    return {
      result: removal,
      audit: { action: 'steering.remove-sample', resource: 'steering', details: removal },
    };
  });
}
