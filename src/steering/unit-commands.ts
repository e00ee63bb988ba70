import type { Kysely } from 'kysely';
import { CangError, uuidV7, FieldProblems, parseInput } from '../core/index.js';
import type { AuditActor, Database, SteeringUnitTable } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import type { SteeringContext } from './steering-context.js';
import type { UnitKind } from './unit-kinds.js';
import {
  activeOn,
  allUnits,
  byKindThenName,
  findUnit,
  formerProvinceUnitIds,
  presentUnit,
  requireUnit,
} from './unit-rows.js';
import { UnitInput, type UnitEventView, type UnitView } from './unit-schemas.js';

/** Narrows a list of units: one level, and whether a former province's units are wanted. */
export interface UnitFilter {
  readonly level?: UnitKind | undefined;
  readonly includeFormerProvinces?: boolean | undefined;
}

/** A unit's history: the unit, the units merged or renamed into it (transitively) and every event. */
export interface UnitHistoryView {
  readonly unit: UnitView;
  readonly predecessors: readonly UnitView[];
  readonly events: readonly UnitEventView[];
}

/**
 * Units and their history.
 *
 * Modelling decision: a unit's id is its code, and a code never changes meaning. A rename that comes
 * with a new code (Huyện Thủy Nguyên H-THUYNGUYEN → Thành phố Thủy Nguyên TP-THUYNGUYEN on
 * 2025-01-01) is therefore a successor unit: the old unit ends the day before, names the new one as
 * `successor_id` and carries a `renamed` event. A merger works the same way with a `merged` event.
 * Tasks and reports keep pointing at the unit as it was then, and `history(successor)` reads the
 * predecessors' history too.
 *
 * A unit split between several successors (a former commune of 2025, partly in two new ones) has no
 * single `successor_id`: each of its `merged` events names one successor, says it went in part
 * (`whole` false) and may record the share of its counts and the weight it brought. A unit that
 * continues while absorbing others (the city and its agencies on 2025-07-01) keeps its code and
 * carries a `reorganised` event.
 */
export interface UnitCommands {
  /**
   * The city's units that exist on a date (today by default), city first, then departments, districts
   * and communes; a former province's units only when the filter asks for them.
   */
  list(asOf?: string, filter?: UnitFilter): Promise<UnitView[]>;
  /** One unit, with whether it exists on a date; `not-found` if unknown. */
  get(id: string, asOf?: string): Promise<UnitView>;
  /** A unit's history including the history of every unit merged or renamed into it. */
  history(id: string): Promise<UnitHistoryView>;
  /** Whether a unit exists on a date; false for an unknown unit. */
  isActive(id: string, date: string): Promise<boolean>;
  /** Records a unit with its validity and events (secretariat). */
  create(actor: AuditActor, input: UnitInput): Promise<UnitView>;
  /**
   * Records several units in one transaction, all or none (the seed's 600 units of the 2025 merger); a
   * unit may name as parent or successor one listed before it. Problems point at `/{index}/…`.
   */
  createMany(actor: AuditActor, inputs: readonly UnitInput[]): Promise<UnitView[]>;
}

// On one day, the old unit's rename or merger reads before the new unit's creation.
const SAME_DAY_ORDER: Readonly<Record<string, number>> = {
  renamed: 0,
  merged: 0,
  abolished: 1,
  created: 2,
  reorganised: 2,
};

function checkDate(date: string | undefined, pointer: string): void {
  if (date !== undefined && !isCalendarDate(date)) {
    throw new CangError('validation-failed', 'Invalid date', {
      errors: [{ pointer, detail: "must be a calendar date 'YYYY-MM-DD'" }],
    });
  }
}

// The units renamed or merged (whole or in part) into a unit, transitively.
async function predecessorsOf(db: Kysely<Database>, id: string): Promise<SteeringUnitTable[]> {
  const rows = await allUnits(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const into = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (!into.has(to)) into.set(to, new Set());
    into.get(to)!.add(from);
  };
  for (const row of rows) if (row.successor_id !== null) link(row.id, row.successor_id);
  const events = await db
    .selectFrom('steering_unit_events')
    .select(['unit_id', 'successor_id'])
    .where('kind', 'in', ['merged', 'renamed'])
    .where('successor_id', 'is not', null)
    .execute();
  for (const event of events) link(event.unit_id, event.successor_id!);
  const found: SteeringUnitTable[] = [];
  const queue = [id];
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const from of into.get(queue.shift()!) ?? []) {
      const row = byId.get(from);
      if (row === undefined || seen.has(from)) continue;
      seen.add(from);
      found.push(row);
      queue.push(from);
    }
  }
  return found;
}

/** Builds the unit commands over a steering context. */
export function unitCommands(context: SteeringContext): UnitCommands {
  const { db } = context;
  return {
    async list(asOf, filter = {}) {
      checkDate(asOf, '/asOf');
      const date = asOf ?? context.today();
      const rows = await allUnits(db);
      const former = filter.includeFormerProvinces === true ? new Set<string>() : formerProvinceUnitIds(rows);
      return rows
        .filter((row) => activeOn(row, date) && !former.has(row.id))
        .filter((row) => filter.level === undefined || row.kind === filter.level)
        .sort(byKindThenName)
        .map((row) => presentUnit(row, date));
    },

    async get(id, asOf) {
      checkDate(asOf, '/asOf');
      return presentUnit(await requireUnit(db, id), asOf ?? context.today());
    },

    async history(id) {
      const today = context.today();
      const unit = await requireUnit(db, id);
      const predecessors = await predecessorsOf(db, id);
      const all = [unit, ...predecessors];
      const names = new Map(all.map((row) => [row.id, row.name]));
      const events = await db
        .selectFrom('steering_unit_events')
        .selectAll()
        .where(
          'unit_id',
          'in',
          all.map((row) => row.id),
        )
        .execute();
      return {
        unit: presentUnit(unit, today),
        predecessors: predecessors.sort(byKindThenName).map((row) => presentUnit(row, today)),
        events: events
          .sort(
            (a, b) =>
              a.date.localeCompare(b.date) || (SAME_DAY_ORDER[a.kind] ?? 9) - (SAME_DAY_ORDER[b.kind] ?? 9),
          )
          .map((event) => ({
            id: event.id,
            unitId: event.unit_id,
            unitName: names.get(event.unit_id) ?? event.unit_id,
            kind: event.kind,
            date: event.date,
            successorId: event.successor_id,
            previousName: event.previous_name,
            note: event.note,
            whole: event.whole === null ? null : event.whole === 1,
            share: event.share,
            weight: event.weight,
          })),
      };
    },

    async isActive(id, date) {
      checkDate(date, '/date');
      const row = await findUnit(db, id);
      return row !== undefined && activeOn(row, date);
    },

    async create(actor, raw) {
      const [view] = await createUnits(context, actor, [parseInput(UnitInput, raw, 'Invalid unit')], '');
      return view!;
    },

    async createMany(actor, raw) {
      const inputs = raw.map((item, index) => parseInput(UnitInput, item, `Invalid unit at ${index}`));
      return createUnits(context, actor, inputs, null);
    },
  };
}

// Problems of one input that need no database; `at` is the input's pointer prefix.
function checkInput(input: UnitInput, at: string, problems: FieldProblems): void {
  if (!isCalendarDate(input.validFrom)) problems.add(`${at}/validFrom`, 'is not a calendar date');
  if (input.validTo !== undefined && !isCalendarDate(input.validTo)) {
    problems.add(`${at}/validTo`, 'is not a calendar date');
  } else if (input.validTo !== undefined && input.validTo < input.validFrom) {
    problems.add(`${at}/validTo`, 'must not be before validFrom');
  }
  for (const [index, event] of (input.events ?? []).entries()) {
    const pointer = `${at}/events/${index}`;
    if (!isCalendarDate(event.date)) problems.add(`${pointer}/date`, 'is not a calendar date');
    for (const field of ['whole', 'share', 'weight'] as const) {
      if (event[field] !== undefined && event.kind !== 'merged') {
        problems.add(`${pointer}/${field}`, 'belongs to a merged event only');
      }
    }
    if (event.share !== undefined && event.whole !== false) {
      problems.add(`${pointer}/share`, 'is recorded only for a unit merged in part (whole: false)');
    }
  }
}

const INSERT_CHUNK = 100;

/**
 * Validates and inserts units with their events in one audited transaction. `single` is the pointer
 * prefix of a lone unit ('') or null for a batch, whose problems point at `/{index}`.
 */
async function createUnits(
  context: SteeringContext,
  actor: AuditActor,
  inputs: readonly UnitInput[],
  single: '' | null,
): Promise<UnitView[]> {
  const at = (index: number) => single ?? `/${index}`;
  const message = single === null ? 'Invalid units' : 'Invalid unit';
  const problems = new FieldProblems();
  for (const [index, input] of inputs.entries()) checkInput(input, at(index), problems);
  problems.throwIfAny(message);
  return context.write(actor, async (trx, now) => {
    const existing = new Set(
      (await trx.selectFrom('steering_units').select('id').execute()).map((r) => r.id),
    );
    const known = new Set(existing);
    for (const [index, input] of inputs.entries()) {
      if (known.has(input.id)) {
        if (single !== null) throw new CangError('conflict', `Unit ${input.id} already exists`);
        problems.add(`${at(index)}/id`, `unit ${input.id} already exists`);
      }
      known.add(input.id);
    }
    // A batch may point forward within itself only as far as it lists the unit before.
    const seen = new Set(existing);
    for (const [index, input] of inputs.entries()) {
      seen.add(input.id);
      const refs: [string, string | undefined][] = [
        ['/parentId', input.parentId],
        ['/successorId', input.successorId],
        ...(input.events ?? []).map((event, e): [string, string | undefined] => [
          `/events/${e}/successorId`,
          event.successorId,
        ]),
      ];
      for (const [pointer, ref] of refs) {
        if (ref !== undefined && !seen.has(ref)) problems.add(`${at(index)}${pointer}`, `no unit ${ref}`);
      }
    }
    problems.throwIfAny(message);
    const rows = inputs.map(
      (input): SteeringUnitTable => ({
        id: input.id,
        admin_code: input.adminCode ?? null,
        name: input.name,
        kind: input.kind,
        parent_id: input.parentId ?? null,
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        successor_id: input.successorId ?? null,
        organisation_id: input.organisationId ?? null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      }),
    );
    const events = inputs.flatMap((input) =>
      (input.events ?? []).map((event) => ({
        id: uuidV7(now),
        unit_id: input.id,
        kind: event.kind,
        date: event.date,
        successor_id: event.successorId ?? null,
        previous_name: event.previousName ?? null,
        note: event.note ?? null,
        whole: event.kind === 'merged' ? (event.whole === false ? 0 : 1) : null,
        share: event.share ?? null,
        weight: event.weight ?? null,
      })),
    );
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('steering_units')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    for (let i = 0; i < events.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('steering_unit_events')
        .values(events.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    const today = context.today();
    return {
      result: rows.map((row) => presentUnit(row, today)),
      audit:
        single !== null
          ? { action: 'steering.unit.create', resource: inputs[0]!.id, details: inputs[0] }
          : {
              action: 'steering.unit.create-many',
              resource: `${inputs.length} units`,
              details: { ids: inputs.map((input) => input.id) },
            },
    };
  });
}
