import type { Kysely } from 'kysely';
import { CangError, FieldProblems, parseInput } from '../../core/index.js';
import type {
  AuditActor,
  Database,
  SteeringDtiAssignmentTable,
  SteeringDtiCampaignTable,
} from '../../store/index.js';
import { isCalendarDate } from '../calendar-date.js';
import type { SteeringContext } from '../steering-context.js';
import { unitProblem } from '../task-checks.js';
import {
  DtiAssignmentInput,
  DtiCampaignInput,
  type DtiCampaignItemView,
  type DtiCampaignView,
  DtiEntryInput,
  type DtiItemStatus,
} from './dti-campaign-schemas.js';
import { type DtiMethodRecord, mainIndices, methodById, methodForYear } from './dti-method-rows.js';
import { computeDti, type DtiEntry, dtiEntryProblems, pointsStatusOf } from './dti-score.js';

/** The yearly DTI self-assessment: items assigned to units, their values and evidence, the estimate. */
export interface DtiCampaignCommands {
  /** Every campaign, newest first. */
  list(): Promise<{ year: number; title: string; methodCode: string; sample: boolean }[]>;
  /** Opens the campaign of a year with the year's method; `validation-failed` on /year when none serves it. */
  create(
    actor: AuditActor,
    input: DtiCampaignInput,
    options?: { sample?: boolean },
  ): Promise<DtiCampaignView>;
  /** A campaign with statuses as of a date (today by default). */
  get(year: number, asOf?: string): Promise<DtiCampaignView>;
  /** Assigns or reassigns an item of the year's method to a unit that exists today, with a deadline. */
  assign(
    actor: AuditActor,
    year: number,
    input: DtiAssignmentInput,
    options?: { sample?: boolean },
  ): Promise<DtiCampaignView>;
  /** The unit an item is assigned to (whose reporter may enter it), or `not-found`. */
  assignedUnit(year: number, itemCode: string): Promise<string>;
  /** Records the responsible unit's value and evidence for its item. */
  enter(actor: AuditActor, year: number, itemCode: string, input: DtiEntryInput): Promise<DtiCampaignView>;
}

async function requireCampaign(db: Kysely<Database>, year: number): Promise<SteeringDtiCampaignTable> {
  const row = await db
    .selectFrom('steering_dti_campaigns')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No DTI campaign for ${year}`);
  return row;
}

const entryOf = (assignment: SteeringDtiAssignmentTable | undefined): DtiEntry | undefined => {
  if (assignment?.submitted_at == null) return undefined;
  return assignment.points !== null ? { points: assignment.points } : { value: assignment.value ?? 0 };
};

/**
 * The entries a main index is scored on: its own, else the sum of its components' points where its
 * maximum and theirs are entered (a component given as a value counts value × its maximum).
 */
function mainEntries(
  record: DtiMethodRecord,
  assignments: ReadonlyMap<string, SteeringDtiAssignmentTable>,
): Record<string, DtiEntry | undefined> {
  const entries: Record<string, DtiEntry | undefined> = {};
  for (const main of record.items.filter((item) => item.parent_code === null)) {
    const own = entryOf(assignments.get(main.code));
    if (own !== undefined || main.max_points === null) {
      entries[main.code] = own;
      continue;
    }
    const parts = record.items
      .filter((item) => item.parent_code === main.code)
      .map((item) => ({ item, entry: entryOf(assignments.get(item.code)) }))
      .filter((part) => part.entry !== undefined);
    if (parts.length === 0 || parts.some((part) => part.item.max_points === null)) continue;
    const points = parts.reduce(
      (sum, { item, entry }) => sum + (entry!.points ?? (entry!.value ?? 0) * item.max_points!),
      0,
    );
    entries[main.code] = { points: Math.min(points, main.max_points) };
  }
  return entries;
}

async function present(
  db: Kysely<Database>,
  campaign: SteeringDtiCampaignTable,
  asOf: string,
): Promise<DtiCampaignView> {
  const record = await methodById(db, campaign.method_id);
  const rows = await db
    .selectFrom('steering_dti_assignments')
    .selectAll()
    .where('year', '=', campaign.year)
    .execute();
  const assignments = new Map(rows.map((row) => [row.item_code, row]));
  const unitIds = [...new Set(rows.map((row) => row.unit_id))];
  const units =
    unitIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await db.selectFrom('steering_units').select(['id', 'name']).where('id', 'in', unitIds).execute()
          ).map((unit) => [unit.id, unit.name]),
        );
  const items: DtiCampaignItemView[] = record.items.map((item) => {
    const a = assignments.get(item.code);
    const status: DtiItemStatus =
      a === undefined
        ? 'unassigned'
        : a.submitted_at !== null
          ? 'submitted'
          : a.deadline < asOf
            ? 'overdue'
            : 'assigned';
    return {
      itemCode: item.code,
      itemName: item.name,
      parentCode: item.parent_code,
      maxPoints: item.max_points,
      unitId: a?.unit_id ?? null,
      unitName: a === undefined ? null : (units.get(a.unit_id) ?? a.unit_id),
      deadline: a?.deadline ?? null,
      points: a?.points ?? null,
      value: a?.value ?? null,
      evidence: a?.evidence ?? null,
      status,
      submittedBy: a?.submitted_by ?? null,
      submittedAt: a?.submitted_at == null ? null : new Date(Number(a.submitted_at)).toISOString(),
      sample: a?.sample === 1,
    };
  });
  const count = (status: DtiItemStatus) => items.filter((item) => item.status === status).length;
  const indices = mainIndices(record);
  const method = { code: record.row.code, decisionNumber: record.row.decision_number };
  return {
    year: campaign.year,
    title: campaign.title,
    sample: campaign.sample === 1,
    method: { ...method, pointsStatus: pointsStatusOf(indices) },
    asOf,
    items,
    progress: {
      items: items.length,
      assigned: items.length - count('unassigned'),
      submitted: count('submitted'),
      overdue: count('overdue'),
    },
    estimate: computeDti(campaign.year, method, indices, mainEntries(record, assignments)),
  };
}

/** Builds the campaign commands over the steering context. */
export function dtiCampaignCommands(context: SteeringContext): DtiCampaignCommands {
  const { db } = context;
  return {
    async list() {
      const rows = await db
        .selectFrom('steering_dti_campaigns')
        .innerJoin('steering_dti_methods', 'steering_dti_methods.id', 'steering_dti_campaigns.method_id')
        .select(['year', 'steering_dti_campaigns.title', 'steering_dti_methods.code', 'sample'])
        .orderBy('year', 'desc')
        .execute();
      return rows.map((row) => ({
        year: row.year,
        title: row.title,
        methodCode: row.code,
        sample: row.sample === 1,
      }));
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(DtiCampaignInput, raw, 'Invalid DTI campaign');
      return context.write(actor, async (trx, now) => {
        const method = await methodForYear(trx, input.year);
        const existing = await trx
          .selectFrom('steering_dti_campaigns')
          .select('year')
          .where('year', '=', input.year)
          .executeTakeFirst();
        if (existing !== undefined)
          throw new CangError('conflict', `The DTI campaign for ${input.year} exists`);
        const row: SteeringDtiCampaignTable = {
          year: input.year,
          method_id: method.row.id,
          title: input.title,
          sample: options.sample ? 1 : 0,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_dti_campaigns').values(row).execute();
        return {
          result: await present(trx, row, context.today()),
          audit: {
            action: 'steering.dti.campaign.create',
            resource: `dti/campaigns/${input.year}`,
            details: input,
          },
        };
      });
    },

    async get(year, asOf) {
      return present(db, await requireCampaign(db, year), asOf ?? context.today());
    },

    async assign(actor, year, raw, options = {}) {
      const input = parseInput(DtiAssignmentInput, raw, 'Invalid DTI assignment', (value, problems) => {
        if (typeof value.deadline === 'string' && !isCalendarDate(value.deadline))
          problems.add('/deadline', 'is not a calendar date');
      });
      return context.write(actor, async (trx, now) => {
        const campaign = await requireCampaign(trx, year);
        const record = await methodById(trx, campaign.method_id);
        const problems = new FieldProblems();
        if (!record.items.some((item) => item.code === input.itemCode))
          problems.add('/itemCode', `not an item of ${record.row.decision_number}`);
        const unit = await unitProblem(trx, input.unitId, context.today());
        if (unit !== undefined) problems.add('/unitId', unit);
        problems.throwIfAny('Invalid DTI assignment');
        const existing = await trx
          .selectFrom('steering_dti_assignments')
          .selectAll()
          .where('year', '=', year)
          .where('item_code', '=', input.itemCode)
          .executeTakeFirst();
        if (existing === undefined)
          await trx
            .insertInto('steering_dti_assignments')
            .values({
              year,
              item_code: input.itemCode,
              unit_id: input.unitId,
              deadline: input.deadline,
              points: null,
              value: null,
              evidence: null,
              submitted_by: null,
              submitted_at: null,
              sample: options.sample ? 1 : 0,
              created_at: now,
              updated_at: now,
            })
            .execute();
        else {
          // A new unit starts afresh: the former unit's entry is not the new unit's.
          const sameUnit = existing.unit_id === input.unitId;
          await trx
            .updateTable('steering_dti_assignments')
            .set({
              unit_id: input.unitId,
              deadline: input.deadline,
              ...(sameUnit
                ? {}
                : { points: null, value: null, evidence: null, submitted_by: null, submitted_at: null }),
              updated_at: now,
            })
            .where('year', '=', year)
            .where('item_code', '=', input.itemCode)
            .execute();
        }
        return {
          result: await present(trx, campaign, context.today()),
          audit: {
            action: 'steering.dti.assign',
            resource: `${input.unitId}/dti/${year}/${input.itemCode}`,
            details: { ...input, previousUnitId: existing?.unit_id ?? null },
          },
        };
      });
    },

    async assignedUnit(year, itemCode) {
      const row = await db
        .selectFrom('steering_dti_assignments')
        .select('unit_id')
        .where('year', '=', year)
        .where('item_code', '=', itemCode)
        .executeTakeFirst();
      if (row === undefined)
        throw new CangError('not-found', `${itemCode} of the ${year} campaign is not assigned`);
      return row.unit_id;
    },

    async enter(actor, year, itemCode, raw) {
      const input = parseInput(DtiEntryInput, raw, 'Invalid DTI entry');
      return context.write(actor, async (trx, now) => {
        const campaign = await requireCampaign(trx, year);
        const record = await methodById(trx, campaign.method_id);
        const item = record.items.find((candidate) => candidate.code === itemCode);
        const assignment = await trx
          .selectFrom('steering_dti_assignments')
          .selectAll()
          .where('year', '=', year)
          .where('item_code', '=', itemCode)
          .executeTakeFirst();
        if (item === undefined || assignment === undefined)
          throw new CangError('not-found', `${itemCode} of the ${year} campaign is not assigned`);
        const problems = new FieldProblems();
        for (const p of dtiEntryProblems({ code: item.code, maxPoints: item.max_points }, input, ''))
          problems.add(p.pointer || '/', p.detail);
        problems.throwIfAny('Invalid DTI entry');
        const points = input.points ?? null;
        const value = input.value ?? (points !== null && item.max_points ? points / item.max_points : null);
        await trx
          .updateTable('steering_dti_assignments')
          .set({
            points,
            value,
            evidence: input.evidence,
            submitted_by: actor.id,
            submitted_at: now,
            updated_at: now,
          })
          .where('year', '=', year)
          .where('item_code', '=', itemCode)
          .execute();
        return {
          result: await present(trx, campaign, context.today()),
          audit: {
            action: 'steering.dti.enter',
            resource: `${assignment.unit_id}/dti/${year}/${itemCode}`,
            details: input,
          },
        };
      });
    },
  };
}
