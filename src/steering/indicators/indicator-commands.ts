import type { Kysely } from 'kysely';
import { CangError, type FieldProblem } from '../../core/index.js';
import type {
  AuditActor,
  Database,
  SteeringIndicatorTable,
  SteeringIndicatorTargetTable,
} from '../../store/index.js';
import type { SteeringContext } from '../steering-context.js';
import { parseInput, throwIfProblems } from './indicator-input.js';
import { levelsOf, presentIndicator, requireIndicator } from './indicator-rows.js';
import {
  IndicatorInput,
  IndicatorPatch,
  type IndicatorView,
  type TargetInput,
  TargetsInput,
} from './indicator-schemas.js';
import type { UnitKind } from '../unit-kinds.js';

/** Definitions of indicators and their targets. */
export interface IndicatorDefinitionCommands {
  /** Every indicator in code order, with its targets. */
  list(): Promise<IndicatorView[]>;
  /** One indicator; `not-found` if absent. */
  get(code: string): Promise<IndicatorView>;
  /** Defines an indicator, optionally with its targets; `conflict` if the code is taken. */
  create(actor: AuditActor, input: IndicatorInput): Promise<IndicatorView>;
  /** Changes an indicator's definition. */
  update(actor: AuditActor, code: string, patch: IndicatorPatch): Promise<IndicatorView>;
  /** Replaces every target of an indicator. */
  setTargets(actor: AuditActor, code: string, targets: readonly TargetInput[]): Promise<IndicatorView>;
}

function targetProblems(
  targets: readonly TargetInput[],
  levels: readonly UnitKind[],
  pointer: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  targets.forEach((target, index) => {
    const key = `${target.level} ${target.year}`;
    if (seen.has(key))
      problems.push({ pointer: `${pointer}/${index}`, detail: `a second target for ${key}` });
    else if (target.level !== '*' && !levels.includes(target.level))
      problems.push({
        pointer: `${pointer}/${index}/level`,
        detail: `the indicator does not apply to ${target.level}`,
      });
    seen.add(key);
  });
  return problems;
}

async function readTargets(db: Kysely<Database>, code: string): Promise<SteeringIndicatorTargetTable[]> {
  return db.selectFrom('steering_indicator_targets').selectAll().where('indicator_code', '=', code).execute();
}

async function replaceTargets(
  db: Kysely<Database>,
  code: string,
  targets: readonly TargetInput[],
): Promise<void> {
  await db.deleteFrom('steering_indicator_targets').where('indicator_code', '=', code).execute();
  if (targets.length === 0) return;
  await db
    .insertInto('steering_indicator_targets')
    .values(targets.map((target) => ({ indicator_code: code, ...target })))
    .execute();
}

/** Builds the indicator definition commands over a context. */
export function indicatorDefinitionCommands(context: SteeringContext): IndicatorDefinitionCommands {
  const { db } = context;
  return {
    async list() {
      const rows = await db.selectFrom('steering_indicators').selectAll().orderBy('code').execute();
      const targets = await db.selectFrom('steering_indicator_targets').selectAll().execute();
      return rows.map((row) => presentIndicator(row, targets));
    },

    async get(code) {
      return presentIndicator(await requireIndicator(db, code), await readTargets(db, code));
    },

    async create(actor, raw) {
      const input = parseInput(IndicatorInput, raw, 'Invalid indicator');
      throwIfProblems(targetProblems(input.targets ?? [], input.levels, '/targets'), 'Invalid indicator');
      return context.write(actor, async (trx, now) => {
        const existing = await trx
          .selectFrom('steering_indicators')
          .select('code')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (existing !== undefined) throw new CangError('conflict', `Indicator ${input.code} already exists`);
        const row: SteeringIndicatorTable = {
          code: input.code,
          name: input.name,
          pillar: input.pillar,
          measure_unit: input.unit,
          direction: input.direction,
          levels: JSON.stringify(input.levels),
          weight: input.weight ?? 1,
          baseline_value: input.baseline?.value ?? null,
          baseline_year: input.baseline?.year ?? null,
          measure: input.measure ?? null,
          note: input.note ?? null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_indicators').values(row).execute();
        await replaceTargets(trx, input.code, input.targets ?? []);
        return {
          result: presentIndicator(row, await readTargets(trx, input.code)),
          audit: { action: 'indicator.create', resource: `indicators/${input.code}`, details: input },
        };
      });
    },

    async update(actor, code, raw) {
      const patch = parseInput(IndicatorPatch, raw, 'Invalid indicator change');
      return context.write(actor, async (trx, now) => {
        const current = await requireIndicator(trx, code);
        const targets = await readTargets(trx, code);
        const levels = patch.levels ?? levelsOf(current);
        const stranded = targets.filter(
          (target) => target.level !== '*' && !levels.includes(target.level as UnitKind),
        );
        if (stranded.length > 0) {
          throwIfProblems(
            [
              {
                pointer: '/levels',
                detail: `targets exist for ${stranded.map((t) => t.level).join(', ')}; change them first`,
              },
            ],
            'Invalid indicator change',
          );
        }
        const row: SteeringIndicatorTable = {
          ...current,
          name: patch.name ?? current.name,
          pillar: patch.pillar ?? current.pillar,
          measure_unit: patch.unit ?? current.measure_unit,
          direction: patch.direction ?? current.direction,
          levels: JSON.stringify(levels),
          weight: patch.weight ?? current.weight,
          baseline_value:
            patch.baseline === undefined ? current.baseline_value : (patch.baseline?.value ?? null),
          baseline_year:
            patch.baseline === undefined ? current.baseline_year : (patch.baseline?.year ?? null),
          note: patch.note === undefined ? current.note : patch.note,
          updated_at: now,
        };
        const { code: _code, created_at: _created, ...changes } = row;
        await trx.updateTable('steering_indicators').set(changes).where('code', '=', code).execute();
        return {
          result: presentIndicator(row, targets),
          audit: { action: 'indicator.update', resource: `indicators/${code}`, details: patch },
        };
      });
    },

    async setTargets(actor, code, raw) {
      const targets = parseInput(TargetsInput, raw, 'Invalid targets');
      return context.write(actor, async (trx, now) => {
        const current = await requireIndicator(trx, code);
        throwIfProblems(targetProblems(targets, levelsOf(current), ''), 'Invalid targets');
        await replaceTargets(trx, code, targets);
        await trx
          .updateTable('steering_indicators')
          .set({ updated_at: now })
          .where('code', '=', code)
          .execute();
        return {
          result: presentIndicator({ ...current, updated_at: now }, await readTargets(trx, code)),
          audit: { action: 'indicator.targets', resource: `indicators/${code}`, details: targets },
        };
      });
    },
  };
}
