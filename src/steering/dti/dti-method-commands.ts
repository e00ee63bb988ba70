import type { Kysely } from 'kysely';
import { CangError, FieldProblems, parseInput, uuidV7 } from '../../core/index.js';
import type { AuditActor, Database, SteeringDtiMethodItemTable } from '../../store/index.js';
import { isCalendarDate } from '../calendar-date.js';
import type { SteeringContext } from '../steering-context.js';
import { readComponentSheet } from './dti-components-xlsx-import.js';
import { checkMaxima, type ItemPoints } from './dti-item-checks.js';
import {
  type DtiMethodRecord,
  mainIndices,
  methodForYear,
  presentMethod,
  requireMethod,
} from './dti-method-rows.js';
import { DtiItemInput, DtiMethodInput, type DtiMethodView } from './dti-method-schemas.js';
import { computeDti, dtiEntryProblems, DtiScoreInput, type DtiScoreView } from './dti-score.js';

/** DTI methods as data: the decisions, their indices and components, and the points the secretariat confirms. */
export interface DtiMethodCommands {
  /** Every method, oldest first. */
  list(): Promise<DtiMethodView[]>;
  /** One method by code. */
  get(code: string): Promise<DtiMethodView>;
  /** The method serving an assessment year; `validation-failed` on /year when none does. */
  forYear(year: number): Promise<DtiMethodView>;
  /**
   * Records a new method. An earlier method still in force is closed the year before the new one's
   * first year; a span overlapping a closed method's is refused.
   */
  create(actor: AuditActor, input: DtiMethodInput): Promise<DtiMethodView>;
  /** Enters a component, or the name, maximum points or weight of an item; new points are unconfirmed. */
  putItem(actor: AuditActor, code: string, itemCode: string, input: DtiItemInput): Promise<DtiMethodView>;
  /** Enters the components of a sheet (all or nothing); new or changed points are unconfirmed. */
  importComponents(
    actor: AuditActor,
    code: string,
    file: Uint8Array,
  ): Promise<{ imported: number; method: DtiMethodView }>;
  /** Confirms every entered, unconfirmed point of a method; `conflict` when none awaits. */
  confirmPoints(actor: AuditActor, code: string): Promise<DtiMethodView>;
  /** The provincial DTI of a year with the year's method, from main-index points or values. */
  score(input: DtiScoreInput): Promise<DtiScoreView>;
}

const itemPoints = (item: SteeringDtiMethodItemTable): ItemPoints => ({
  code: item.code,
  parentCode: item.parent_code,
  maxPoints: item.max_points,
});

async function insertItem(
  db: Kysely<Database>,
  methodId: string,
  now: number,
  item: Pick<
    SteeringDtiMethodItemTable,
    'code' | 'parent_code' | 'name' | 'index_group' | 'position' | 'max_points' | 'weight'
  >,
): Promise<void> {
  await db
    .insertInto('steering_dti_method_items')
    .values({
      id: uuidV7(now),
      method_id: methodId,
      ...item,
      points_confirmed: 0,
      confirmed_by: null,
      confirmed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Updates an item; a change of maximum points or weight makes its points unconfirmed again. */
async function updateItem(
  db: Kysely<Database>,
  item: SteeringDtiMethodItemTable,
  change: { name?: string; maxPoints?: number | null; weight?: number | null },
  now: number,
): Promise<void> {
  const maxPoints = change.maxPoints === undefined ? item.max_points : change.maxPoints;
  const weight = change.weight === undefined ? item.weight : change.weight;
  const pointsChanged = maxPoints !== item.max_points || weight !== item.weight;
  await db
    .updateTable('steering_dti_method_items')
    .set({
      name: change.name ?? item.name,
      max_points: maxPoints,
      weight,
      ...(pointsChanged ? { points_confirmed: 0, confirmed_by: null, confirmed_at: null } : {}),
      updated_at: now,
    })
    .where('id', '=', item.id)
    .execute();
}

const nextPosition = (record: DtiMethodRecord): number =>
  record.items.reduce((max, item) => Math.max(max, item.position), 0) + 1;

/** Builds the DTI method commands over the steering context. */
export function dtiMethodCommands(context: SteeringContext): DtiMethodCommands {
  const { db } = context;
  return {
    async list() {
      const rows = await db.selectFrom('steering_dti_methods').select('code').orderBy('first_year').execute();
      return Promise.all(rows.map(async (row) => presentMethod(await requireMethod(db, row.code))));
    },

    get: async (code) => presentMethod(await requireMethod(db, code)),

    forYear: async (year) => presentMethod(await methodForYear(db, year)),

    async create(actor, raw) {
      const input = parseInput(DtiMethodInput, raw, 'Invalid DTI method', (value, problems) => {
        if (typeof value.decisionDate === 'string' && !isCalendarDate(value.decisionDate))
          problems.add('/decisionDate', 'is not a calendar date');
        if (
          typeof value.firstYear === 'number' &&
          typeof value.lastYear === 'number' &&
          value.lastYear < value.firstYear
        )
          problems.add('/lastYear', 'must not be before firstYear');
        const codes = (value.indices ?? []).map((index) => index?.code);
        codes.forEach((code, i) => {
          if (codes.indexOf(code) !== i) problems.add(`/indices/${i}/code`, `${code} is given twice`);
        });
      });
      return context.write(actor, async (trx, now) => {
        const existing = await trx.selectFrom('steering_dti_methods').selectAll().execute();
        if (existing.some((row) => row.code === input.code))
          throw new CangError('conflict', `DTI method ${input.code} exists`);
        const last = input.lastYear ?? Number.POSITIVE_INFINITY;
        const closed: string[] = [];
        for (const row of existing) {
          const rowLast = row.last_year ?? Number.POSITIVE_INFINITY;
          if (rowLast < input.firstYear || last < row.first_year) continue;
          if (row.last_year === null && row.first_year < input.firstYear) {
            closed.push(row.code);
            continue;
          }
          throw new CangError('validation-failed', 'Invalid DTI method', {
            errors: [
              {
                pointer: '/firstYear',
                detail: `${row.code} already serves ${row.first_year}–${row.last_year ?? ''}`,
              },
            ],
          });
        }
        if (closed.length > 0)
          await trx
            .updateTable('steering_dti_methods')
            .set({ last_year: input.firstYear - 1, updated_at: now })
            .where('code', 'in', closed)
            .execute();
        const id = uuidV7(now);
        await trx
          .insertInto('steering_dti_methods')
          .values({
            id,
            code: input.code,
            decision_number: input.decisionNumber,
            decision_date: input.decisionDate,
            issuer: input.issuer,
            title: input.title,
            first_year: input.firstYear,
            last_year: input.lastYear ?? null,
            note: input.note ?? null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        for (const [i, index] of input.indices.entries())
          await insertItem(trx, id, now, {
            code: index.code,
            parent_code: null,
            name: index.name,
            index_group: index.group,
            position: i + 1,
            max_points: index.maxPoints ?? null,
            weight: index.weight ?? null,
          });
        return {
          result: presentMethod(await requireMethod(trx, input.code)),
          audit: {
            action: 'steering.dti.method.create',
            resource: `dti/${input.code}`,
            details: { ...input, closed },
          },
        };
      });
    },

    async putItem(actor, code, itemCode, raw) {
      const input = parseInput(DtiItemInput, raw, 'Invalid DTI item');
      return context.write(actor, async (trx, now) => {
        const record = await requireMethod(trx, code);
        const item = record.items.find((candidate) => candidate.code === itemCode);
        const problems = new FieldProblems();
        const parentCode = item?.parent_code ?? input.parentCode ?? null;
        if (item === undefined) {
          const parent = record.items.find((c) => c.code === input.parentCode && c.parent_code === null);
          if (input.parentCode === undefined)
            problems.add('/parentCode', 'a new item is a component: name its main index');
          else if (parent === undefined)
            problems.add('/parentCode', `not a main index of ${record.row.decision_number}`);
          else if (!itemCode.startsWith(`${input.parentCode}.`))
            problems.add('/parentCode', `component ${itemCode} does not belong to ${input.parentCode}`);
          if (input.name === undefined) problems.add('/name', 'a new component needs a name');
        } else if (input.parentCode !== undefined && input.parentCode !== item.parent_code) {
          problems.add('/parentCode', `${itemCode} belongs to ${item.parent_code ?? 'no main index'}`);
        }
        if (parentCode !== null && input.weight !== undefined && input.weight !== null)
          problems.add('/weight', 'only a main index has a weight');
        const after = record.items.map(itemPoints).filter((p) => p.code !== itemCode);
        after.push({
          code: itemCode,
          parentCode,
          maxPoints: input.maxPoints === undefined ? (item?.max_points ?? null) : input.maxPoints,
        });
        checkMaxima(after, (changed) => (changed === itemCode ? '/maxPoints' : undefined), problems);
        problems.throwIfAny('Invalid DTI item');
        if (item === undefined)
          await insertItem(trx, record.row.id, now, {
            code: itemCode,
            parent_code: parentCode,
            name: input.name!,
            index_group: null,
            position: nextPosition(record),
            max_points: input.maxPoints ?? null,
            weight: null,
          });
        else await updateItem(trx, item, input, now);
        return {
          result: presentMethod(await requireMethod(trx, code)),
          audit: { action: 'steering.dti.item.put', resource: `dti/${code}/${itemCode}`, details: input },
        };
      });
    },

    async importComponents(actor, code, file) {
      const problems = new FieldProblems();
      const rows = await readComponentSheet(file, problems);
      return context.write(actor, async (trx, now) => {
        const record = await requireMethod(trx, code);
        const mains = new Set(record.items.filter((i) => i.parent_code === null).map((i) => i.code));
        for (const row of rows) {
          if (!problems.has(`/rows/${row.row}/index`) && !mains.has(row.parentCode))
            problems.add(`/rows/${row.row}/index`, `not a main index of ${record.row.decision_number}`);
          const existing = record.items.find((item) => item.code === row.code);
          if (existing !== undefined && existing.parent_code !== row.parentCode)
            problems.add(`/rows/${row.row}/code`, `${row.code} is not a component of ${row.parentCode}`);
        }
        const after = record.items.map(itemPoints).filter((p) => !rows.some((row) => row.code === p.code));
        after.push(
          ...rows.map((row) => ({ code: row.code, parentCode: row.parentCode, maxPoints: row.maxPoints })),
        );
        const rowOf = new Map(rows.map((row) => [row.code, row.row]));
        checkMaxima(after, (c) => (rowOf.has(c) ? `/rows/${rowOf.get(c)}/maxPoints` : undefined), problems);
        if (rows.length === 0) problems.add('/file', 'no component rows');
        problems.throwIfAny('The sheet has bad rows; nothing was imported');
        let position = nextPosition(record);
        for (const row of rows) {
          const existing = record.items.find((item) => item.code === row.code);
          if (existing === undefined)
            await insertItem(trx, record.row.id, now, {
              code: row.code,
              parent_code: row.parentCode,
              name: row.name,
              index_group: null,
              position: position++,
              max_points: row.maxPoints,
              weight: null,
            });
          else await updateItem(trx, existing, { name: row.name, maxPoints: row.maxPoints }, now);
        }
        return {
          result: { imported: rows.length, method: presentMethod(await requireMethod(trx, code)) },
          audit: {
            action: 'steering.dti.components.import',
            resource: `dti/${code}`,
            details: { components: rows.map(({ row: _row, ...component }) => component) },
          },
        };
      });
    },

    async confirmPoints(actor, code) {
      return context.write(actor, async (trx, now) => {
        const record = await requireMethod(trx, code);
        const pending = record.items.filter(
          (item) => item.points_confirmed === 0 && (item.max_points !== null || item.weight !== null),
        );
        if (pending.length === 0)
          throw new CangError('conflict', `No entered points of ${code} await confirmation`);
        await trx
          .updateTable('steering_dti_method_items')
          .set({ points_confirmed: 1, confirmed_by: actor.id, confirmed_at: now, updated_at: now })
          .where(
            'id',
            'in',
            pending.map((item) => item.id),
          )
          .execute();
        return {
          result: presentMethod(await requireMethod(trx, code)),
          audit: {
            action: 'steering.dti.points.confirm',
            resource: `dti/${code}`,
            details: {
              items: pending.map((item) => ({
                code: item.code,
                maxPoints: item.max_points,
                weight: item.weight,
              })),
            },
          },
        };
      });
    },

    async score(raw) {
      const input = parseInput(DtiScoreInput, raw, 'Invalid DTI input');
      const record = await methodForYear(db, input.year);
      const indices = mainIndices(record);
      const problems = new FieldProblems();
      for (const [code, entry] of Object.entries(input.indices)) {
        const index = indices.find((candidate) => candidate.code === code);
        if (index === undefined)
          problems.add(`/indices/${code}`, `not a main index of ${record.row.decision_number}`);
        else
          for (const p of dtiEntryProblems(index, entry, `/indices/${code}`))
            problems.add(p.pointer, p.detail);
      }
      problems.throwIfAny('Invalid DTI input');
      return computeDti(
        input.year,
        { code: record.row.code, decisionNumber: record.row.decision_number },
        indices,
        input.indices,
      );
    },
  };
}
