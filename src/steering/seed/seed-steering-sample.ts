import type { AuditActor } from '../../store/index.js';
import type { CommitteeInput } from '../committee-schemas.js';
import type { Steering } from '../create-steering.js';
import { cityCommittee } from './hai-phong-committee.js';
import {
  PROGRAM_DOCUMENTS,
  SAMPLE_TASKS,
  SAMPLE_UNIT_COMMITTEES,
  SAMPLE_UNIT_PLANS,
  TASK_GROUPS,
} from './hai-phong-program.js';
import { seedSampleReports } from './sample-reports.js';

/** The code of the seeded program (QĐ 284/QĐ-UBND). */
export const SAMPLE_PROGRAM_CODE = 'CT-284';

/** How many records a seed run created, per kind; zero everywhere on a second run. */
export interface SteeringSeedResult {
  readonly documents: number;
  readonly committees: number;
  /** Decisions and members added to a committee seeded before they were part of the sample. */
  readonly committeeRecords: number;
  readonly programs: number;
  readonly groups: number;
  readonly tasks: number;
  readonly reports: number;
}

/**
 * Adds to the existing city committee the decisions (by number) and members (by role, person and first
 * day) of the sample that it lacks: a store seeded before the Resolution 57 consolidation was part of
 * the sample gets it on its next start. Returns how many records were added.
 */
async function completeCommittee(
  steering: Steering,
  actor: AuditActor,
  input: CommitteeInput,
): Promise<number> {
  const existing = (await steering.committees.list()).find((committee) => committee.unitId === input.unitId);
  if (existing === undefined) return 0;
  let added = 0;
  const numbers = new Set(existing.decisions.map((decision) => decision.number));
  for (const decision of input.decisions ?? []) {
    if (numbers.has(decision.number)) continue;
    await steering.committees.addDecision(actor, existing.id, decision);
    added += 1;
  }
  const memberKey = (m: { role: string; personName: string; from: string }) =>
    `${m.role} ${m.personName} ${m.from}`;
  const members = new Set(existing.members.map(memberKey));
  for (const member of input.members ?? []) {
    if (members.has(memberKey(member))) continue;
    await steering.committees.addMember(actor, existing.id, member);
    added += 1;
  }
  return added;
}

/**
 * Seeds the steering workspace's sample over its reference units (seed-steering-reference.ts, loaded
 * first): the program's five documents, the city committee of QĐ 3820/QĐ-UBND, program 284/QĐ-UBND
 * with its nine task groups, sample plans, unit committees and about thirty tasks flagged `sample`
 * (Dữ liệu mẫu), and the units' sample periodic reports of 2025-H2 and 2026 (sample-reports.ts).
 * Idempotent: what exists (by document number and issuer, committee unit, program and task code) is
 * left as it is.
 */
export async function seedSteeringSample(steering: Steering, actor: AuditActor): Promise<SteeringSeedResult> {
  const { db } = steering.context;
  const count = {
    documents: 0,
    committees: 0,
    committeeRecords: 0,
    programs: 0,
    groups: 0,
    tasks: 0,
    reports: 0,
  };

  const documentIds = new Map<string, string>();
  for (const fact of [...PROGRAM_DOCUMENTS, ...SAMPLE_UNIT_PLANS]) {
    const existing = await db
      .selectFrom('steering_documents')
      .select('id')
      .where('number', '=', fact.number)
      .where('issuer', '=', fact.issuer)
      .executeTakeFirst();
    const { sample, ...input } = fact;
    const id =
      existing?.id ?? (await steering.documents.create(actor, input, { sample: sample === true })).id;
    if (existing === undefined) count.documents += 1;
    documentIds.set(fact.number, id);
  }

  const committeeUnits = new Set(
    (await db.selectFrom('steering_committees').select('unit_id').execute()).map((r) => r.unit_id),
  );
  const city = cityCommittee(documentIds.get('3820/QĐ-UBND'));
  if (!committeeUnits.has('UBND-HP')) {
    await steering.committees.create(actor, city, { sample: true });
    count.committees += 1;
  } else {
    count.committeeRecords = await completeCommittee(steering, actor, city);
  }
  for (const unit of SAMPLE_UNIT_COMMITTEES) {
    if (committeeUnits.has(unit.unitId)) continue;
    await steering.committees.create(
      actor,
      {
        unitId: unit.unitId,
        name: unit.name,
        members: [
          { role: 'head', personName: unit.head, position: 'Trưởng ban', from: unit.from ?? '2022-05-01' },
        ],
      },
      { sample: true },
    );
    count.committees += 1;
  }

  let program = await db
    .selectFrom('steering_programs')
    .select('id')
    .where('code', '=', SAMPLE_PROGRAM_CODE)
    .executeTakeFirst();
  if (program === undefined) {
    const documentId = documentIds.get('284/QĐ-UBND');
    program = await steering.programs.create(actor, {
      code: SAMPLE_PROGRAM_CODE,
      title: 'Chương trình hành động thực hiện Nghị quyết 03-NQ/TU về chuyển đổi số',
      unitId: 'UBND-HP',
      ...(documentId === undefined ? {} : { documentId }),
      startDate: '2022-01-24',
      endDate: '2025-12-31',
    });
    count.programs += 1;
  }
  const programId = program.id;
  const groupIds = new Map(
    (
      await db
        .selectFrom('steering_task_groups')
        .select(['id', 'code'])
        .where('program_id', '=', programId)
        .execute()
    ).map((r) => [r.code, r.id]),
  );
  for (const [index, title] of TASK_GROUPS.entries()) {
    const code = String(index + 1).padStart(2, '0');
    if (groupIds.has(code)) continue;
    const view = await steering.programs.addGroup(actor, programId, { code, title, weight: 1 });
    groupIds.set(code, view.groups.find((g) => g.code === code)!.id);
    count.groups += 1;
  }

  const taskCodes = new Set(
    (await db.selectFrom('steering_tasks').select('code').where('program_id', '=', programId).execute()).map(
      (r) => r.code,
    ),
  );
  const perGroup = new Map<number, number>();
  for (const fact of SAMPLE_TASKS) {
    const n = (perGroup.get(fact.group) ?? 0) + 1;
    perGroup.set(fact.group, n);
    const groupCode = String(fact.group).padStart(2, '0');
    const code = `NV-${groupCode}.${String(n).padStart(2, '0')}`;
    if (taskCodes.has(code)) continue;
    await steering.tasks.create(
      actor,
      programId,
      {
        groupId: groupIds.get(groupCode)!,
        code,
        title: fact.title,
        expectedOutput: fact.output,
        leadUnitId: fact.lead,
        coordinatingUnitIds: [...fact.with],
        startDate: fact.start,
        deadline: fact.deadline,
        fundingSource: fact.funding ?? 'Ngân sách thành phố (Dữ liệu mẫu)',
        weight: fact.weight ?? 1,
        status: fact.status,
        progress: fact.progress,
      },
      { sample: true },
    );
    count.tasks += 1;
  }
  count.reports = await seedSampleReports(steering, actor);
  return count;
}
