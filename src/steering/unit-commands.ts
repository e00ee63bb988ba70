import type { Kysely } from 'kysely';
import { CangError, uuidV7, FieldProblems, parseInput } from '../core/index.js';
import type { AuditActor, Database, SteeringUnitTable } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import type { SteeringContext } from './steering-context.js';
import { activeOn, allUnits, byKindThenName, findUnit, presentUnit, requireUnit } from './unit-rows.js';
import { UnitInput, type UnitEventView, type UnitView } from './unit-schemas.js';

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
 */
export interface UnitCommands {
  /** The units that exist on a date (today by default), city first, then departments and districts. */
  list(asOf?: string): Promise<UnitView[]>;
  /** One unit, with whether it exists on a date; `not-found` if unknown. */
  get(id: string, asOf?: string): Promise<UnitView>;
  /** A unit's history including the history of every unit merged or renamed into it. */
  history(id: string): Promise<UnitHistoryView>;
  /** Whether a unit exists on a date; false for an unknown unit. */
  isActive(id: string, date: string): Promise<boolean>;
  /** Records a unit with its validity and events (secretariat; used by the seed). */
  create(actor: AuditActor, input: UnitInput): Promise<UnitView>;
}

// On one day, the old unit's rename or merger reads before the new unit's creation.
const SAME_DAY_ORDER: Readonly<Record<string, number>> = { renamed: 0, merged: 0, abolished: 1, created: 2 };

function checkDate(date: string | undefined, pointer: string): void {
  if (date !== undefined && !isCalendarDate(date)) {
    throw new CangError('validation-failed', 'Invalid date', {
      errors: [{ pointer, detail: "must be a calendar date 'YYYY-MM-DD'" }],
    });
  }
}

async function predecessorsOf(db: Kysely<Database>, id: string): Promise<SteeringUnitTable[]> {
  const rows = await allUnits(db);
  const found: SteeringUnitTable[] = [];
  const queue = [id];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const row of rows) {
      if (row.successor_id === current && !seen.has(row.id)) {
        seen.add(row.id);
        found.push(row);
        queue.push(row.id);
      }
    }
  }
  return found;
}

/** Builds the unit commands over a steering context. */
export function unitCommands(context: SteeringContext): UnitCommands {
  const { db } = context;
  return {
    async list(asOf) {
      checkDate(asOf, '/asOf');
      const date = asOf ?? context.today();
      const rows = await allUnits(db);
      return rows
        .filter((row) => activeOn(row, date))
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
          })),
      };
    },

    async isActive(id, date) {
      checkDate(date, '/date');
      const row = await findUnit(db, id);
      return row !== undefined && activeOn(row, date);
    },

    async create(actor, raw) {
      const input = parseInput(UnitInput, raw, 'Invalid unit');
      const problems = new FieldProblems();
      if (!isCalendarDate(input.validFrom)) problems.add('/validFrom', 'is not a calendar date');
      if (input.validTo !== undefined && !isCalendarDate(input.validTo)) {
        problems.add('/validTo', 'is not a calendar date');
      } else if (input.validTo !== undefined && input.validTo < input.validFrom) {
        problems.add('/validTo', 'must not be before validFrom');
      }
      problems.throwIfAny('Invalid unit');
      return context.write(actor, async (trx, now) => {
        if ((await findUnit(trx, input.id)) !== undefined) {
          throw new CangError('conflict', `Unit ${input.id} already exists`);
        }
        for (const [pointer, ref] of [
          ['/parentId', input.parentId],
          ['/successorId', input.successorId],
        ] as const) {
          if (ref !== undefined && ref !== input.id && (await findUnit(trx, ref)) === undefined) {
            problems.add(pointer, `no unit ${ref}`);
          }
        }
        problems.throwIfAny('Invalid unit');
        const row: SteeringUnitTable = {
          id: input.id,
          admin_code: input.adminCode ?? null,
          name: input.name,
          kind: input.kind,
          parent_id: input.parentId ?? null,
          valid_from: input.validFrom,
          valid_to: input.validTo ?? null,
          successor_id: input.successorId ?? null,
          organisation_id: input.organisationId ?? null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_units').values(row).execute();
        for (const event of input.events ?? []) {
          await trx
            .insertInto('steering_unit_events')
            .values({
              id: uuidV7(now),
              unit_id: input.id,
              kind: event.kind,
              date: event.date,
              successor_id: event.successorId ?? null,
              previous_name: event.previousName ?? null,
              note: event.note ?? null,
            })
            .execute();
        }
        return {
          result: presentUnit(row, context.today()),
          audit: { action: 'steering.unit.create', resource: input.id, details: input },
        };
      });
    },
  };
}
