import { CangError, decodeCursor, encodeCursor } from '../../core/index.js';
import type { AuditActor, SteeringIndicatorValueTable } from '../../store/index.js';
import type { SteeringContext } from '../steering-context.js';
import { parseInput, parseQuery, throwIfProblems } from './indicator-input.js';
import { presentValue, UNIT_COLUMNS } from './indicator-rows.js';
import { ValueInput, ValueQuery, type ValueView } from './indicator-schemas.js';
import { checkValue, VERIFIED_STAYS } from './value-rules.js';
import { upsertValues } from './value-store.js';

/** A page of values and the cursor of the next one. */
export interface ValuePage {
  readonly items: ValueView[];
  readonly nextCursor: string | null;
}

/** Values of indicators per unit and period. */
export interface ValueCommands {
  /** Values in (period, indicator, unit) order, filtered and one page at a time. */
  listValues(query?: ValueQuery): Promise<ValuePage>;
  /** Records (or replaces) the value of a reported indicator for a unit and a period. */
  putValue(
    actor: AuditActor,
    code: string,
    unitId: string,
    period: string,
    input: ValueInput,
  ): Promise<ValueView>;
}

const DEFAULT_LIMIT = 100;

/** Builds the value commands over a context. */
export function valueCommands(context: SteeringContext): ValueCommands {
  const { db } = context;
  return {
    async listValues(raw) {
      const query = parseQuery(ValueQuery, raw);
      const limit = query.limit ?? DEFAULT_LIMIT;
      let select = db
        .selectFrom('steering_indicator_values')
        .selectAll()
        .orderBy('period')
        .orderBy('indicator_code')
        .orderBy('unit_id')
        .limit(limit + 1);
      if (query.period !== undefined) select = select.where('period', '=', query.period);
      if (query.indicator !== undefined) select = select.where('indicator_code', '=', query.indicator);
      if (query.unit !== undefined) select = select.where('unit_id', '=', query.unit);
      if (query.cursor !== undefined) {
        const [period, code, unit] = decodeCursor(query.cursor, ['string', 'string', 'string']);
        select = select.where((eb) =>
          eb(eb.refTuple('period', 'indicator_code', 'unit_id'), '>', eb.tuple(period, code, unit)),
        );
      }
      const rows = await select.execute();
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(presentValue),
        nextCursor:
          rows.length > limit && last !== undefined
            ? encodeCursor([last.period, last.indicator_code, last.unit_id])
            : null,
      };
    },

    async putValue(actor, code, unitId, period, raw) {
      const input = parseInput(ValueInput, raw, 'Invalid indicator value');
      return context.write(actor, async (trx, now) => {
        const indicator = await trx
          .selectFrom('steering_indicators')
          .selectAll()
          .where('code', '=', code)
          .executeTakeFirst();
        if (indicator === undefined) throw new CangError('not-found', `No indicator ${code}`);
        const unit = await trx
          .selectFrom('steering_units')
          .select(UNIT_COLUMNS)
          .where('id', '=', unitId)
          .executeTakeFirst();
        if (unit === undefined) throw new CangError('not-found', `No steering unit ${unitId}`);
        const check = checkValue({ indicatorCode: code, unitId, period }, input.value, indicator, unit, {
          now,
        });
        if (!check.ok) throwIfProblems(check.problems, 'The value is refused');
        const previous = await trx
          .selectFrom('steering_indicator_values')
          .select(['value', 'source'])
          .where('period', '=', period)
          .where('indicator_code', '=', code)
          .where('unit_id', '=', unitId)
          .executeTakeFirst();
        const source = input.source ?? 'reported';
        if (previous?.source === 'verified' && source === 'reported') {
          throw new CangError('conflict', 'The value is verified; a reported value does not replace it', {
            errors: [{ pointer: '/source', detail: VERIFIED_STAYS }],
          });
        }
        const row: SteeringIndicatorValueTable = {
          period,
          indicator_code: code,
          unit_id: unitId,
          value: input.value,
          source,
          evidence_note: input.evidenceNote ?? null,
          attachment_id: input.attachmentId ?? null,
          recorded_by: actor.id,
          created_at: now,
          updated_at: now,
        };
        await upsertValues(trx, [row]);
        return {
          result: presentValue(row),
          audit: {
            action: 'indicator-value.put',
            resource: `${unitId}/indicators/${code}/${period}`,
            details: { ...input, previous: previous ?? null },
          },
        };
      });
    },
  };
}
