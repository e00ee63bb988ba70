import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';
import { cityCommittee } from './hai-phong-committee.js';
import {
  PROGRAM_DOCUMENTS,
  SAMPLE_TASKS,
  SAMPLE_UNIT_COMMITTEES,
  SAMPLE_UNIT_PLANS,
  TASK_GROUPS,
} from './hai-phong-program.js';
import { haiPhongUnitInputs } from './hai-phong-unit-inputs.js';

/** The code of the seeded program (QĐ 284/QĐ-UBND). */
export const SAMPLE_PROGRAM_CODE = 'CT-284';

/** How many records a seed run created, per kind; zero everywhere on a second run. */
export interface SteeringSeedResult {
  readonly units: number;
  readonly documents: number;
  readonly committees: number;
  readonly programs: number;
  readonly groups: number;
  readonly tasks: number;
}

/**
 * Seeds the steering workspace: Hải Phòng's units with their 2025 history (the merger with Hải Dương,
 * the 114 communes and their predecessors included), the program's five
 * documents, the city committee of QĐ 3820/QĐ-UBND, program 284/QĐ-UBND with its nine task groups,
 * and sample plans, unit committees and about thirty tasks flagged `sample` (Dữ liệu mẫu).
 * Idempotent: what exists (by unit id, document number and issuer, committee unit, program and task
 * code) is left as it is.
 */
export async function seedSteeringSample(steering: Steering, actor: AuditActor): Promise<SteeringSeedResult> {
  const { db } = steering.context;
  const count = { units: 0, documents: 0, committees: 0, programs: 0, groups: 0, tasks: 0 };

  const units = new Set((await db.selectFrom('steering_units').select('id').execute()).map((r) => r.id));
  const missing = haiPhongUnitInputs().filter((input) => !units.has(input.id));
  if (missing.length > 0) await steering.units.createMany(actor, missing);
  count.units = missing.length;

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
  if (!committeeUnits.has('UBND-HP')) {
    await steering.committees.create(actor, cityCommittee(documentIds.get('3820/QĐ-UBND')), { sample: true });
    count.committees += 1;
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
  return count;
}
