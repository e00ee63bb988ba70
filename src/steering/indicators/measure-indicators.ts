import { type Kysely, sql } from 'kysely';
import type { AuditActor, Database, SteeringIndicatorValueTable } from '../../store/index.js';
import type { MeasureSources, SteeringContext } from '../steering-context.js';
import { throwIfProblems } from './indicator-input.js';
import { levelsOf, presentValue } from './indicator-rows.js';
import type { Measure, ValueView } from './indicator-schemas.js';
import { requirePeriod } from '../period-input.js';
import { type Period, periodStarted, unitActiveIn } from '../period.js';
import { upsertValues } from './value-store.js';

/** What `measure` recorded for a period. */
export interface MeasureResult {
  readonly period: string;
  readonly values: ValueView[];
}

/** Measured indicators, computed from the platform's own tables on demand. */
export interface MeasureCommands {
  /**
   * Computes every measured indicator for every unit with a registry organisation that existed during
   * the period, and stores the values with source 'measured' (replacing earlier measurements).
   */
  measure(actor: AuditActor, period: string): Promise<MeasureResult>;
}

const EVIDENCE: Readonly<Record<Measure, string>> = {
  'exchange-transactions': 'Đo tự động: số giao dịch qua nền tảng (traffic_minutes)',
  'registry-systems': 'Đo tự động: số hệ thống thông tin trong danh bạ (registry)',
  'registry-services': 'Đo tự động: số dịch vụ đang bật trong danh bạ (registry)',
  'catalog-shared-entries': 'Đo tự động: số dữ liệu, dịch vụ chia sẻ trên danh mục dùng chung (catalog)',
  'catalog-open-datasets': 'Đo tự động: số bộ dữ liệu mở đã công bố (catalog)',
  'catalog-requests-on-time':
    'Đo tự động: tỷ lệ yêu cầu chia sẻ được trả lời trong 2 ngày làm việc theo Nghị định 194/2025/NĐ-CP (catalog)',
};

/** Measures the steering part computes from the exchange's and the registry's tables itself. */
const OWN_MEASURES: ReadonlySet<Measure> = new Set([
  'exchange-transactions',
  'registry-systems',
  'registry-services',
]);

/** The organisation `{instance}/{class}/{code}` a client system id belongs to. */
const organisationOfClient = (clientId: string): string => clientId.split('/').slice(0, 3).join('/');

/**
 * Counts per organisation for a period, one query per measure:
 * - exchange-transactions: Σ traffic_minutes.count of calls whose client system belongs to it, from the
 *   period's start to its end (or now, while it runs), sample calls (purpose MAU-MINH-HOA) left out;
 * - registry-systems: its information systems registered before the period's end;
 * - registry-services: its enabled services registered before the period's end.
 * The registry keeps no deletion history, so the registry counts are today's systems dated by creation.
 */
export async function countsByOrganisation(
  db: Kysely<Database>,
  measure: Measure,
  period: Period,
  now: number,
  sources: MeasureSources = {},
): Promise<ReadonlyMap<string, number> | undefined> {
  if (!OWN_MEASURES.has(measure)) {
    // Another part's figures (the catalog's), when the composition root wired them in.
    return sources[measure]?.({ startMs: period.startMs, endMs: period.endMs }, now);
  }
  const counts = new Map<string, number>();
  const add = (organisation: string, count: number | string | bigint) =>
    counts.set(organisation, (counts.get(organisation) ?? 0) + Number(count));
  if (measure === 'exchange-transactions') {
    const rows = await db
      .selectFrom('traffic_minutes')
      .select(['client_id', sql<number>`sum(${sql.ref('count')})`.as('total')])
      .where('minute', '>=', period.startMs)
      .where('minute', '<', Math.min(period.endMs, now + 1))
      // Sample calls are real calls through the exchange, but no unit's work.
      .where('sample', '=', 0)
      .groupBy('client_id')
      .execute();
    for (const row of rows) add(organisationOfClient(row.client_id), row.total);
  } else if (measure === 'registry-systems') {
    const rows = await db
      .selectFrom('systems')
      .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('total')])
      .where('created_at', '<', period.endMs)
      .groupBy('organisation_id')
      .execute();
    for (const row of rows) add(row.organisation_id, row.total);
  } else {
    const rows = await db
      .selectFrom('services')
      .innerJoin('systems', 'systems.id', 'services.system_id')
      .select(['systems.organisation_id', (eb) => eb.fn.countAll<number>().as('total')])
      .where('services.enabled', '=', 1)
      .where('services.created_at', '<', period.endMs)
      .groupBy('systems.organisation_id')
      .execute();
    for (const row of rows) add(row.organisation_id, row.total);
  }
  return counts;
}

/** Builds the measure command over a context. */
export function measureCommands(context: SteeringContext): MeasureCommands {
  return {
    async measure(actor, text) {
      const period = requirePeriod(text);
      return context.write(actor, async (trx, now) => {
        if (!periodStarted(period, now)) {
          throwIfProblems(
            [{ pointer: '/period', detail: `the period ${text} has not started` }],
            'Invalid period',
          );
        }
        const indicators = await trx
          .selectFrom('steering_indicators')
          .selectAll()
          .where('measure', 'is not', null)
          .execute();
        const units = (
          await trx
            .selectFrom('steering_units')
            .select(['id', 'kind', 'valid_from', 'valid_to', 'organisation_id'])
            .where('organisation_id', 'is not', null)
            .orderBy('id')
            .execute()
        ).filter((unit) => unitActiveIn(period, unit.valid_from, unit.valid_to));
        const rows: SteeringIndicatorValueTable[] = [];
        for (const indicator of indicators) {
          const measure = indicator.measure as Measure;
          const counts = await countsByOrganisation(trx, measure, period, now, context.measureSources);
          if (counts === undefined) continue; // no source for this measure in this installation
          const levels = levelsOf(indicator);
          for (const unit of units) {
            if (!levels.includes(unit.kind)) continue;
            rows.push({
              period: text,
              indicator_code: indicator.code,
              unit_id: unit.id,
              value: counts.get(unit.organisation_id!) ?? 0,
              source: 'measured',
              evidence_note: EVIDENCE[measure],
              attachment_id: null,
              recorded_by: actor.id,
              created_at: now,
              updated_at: now,
            });
          }
        }
        await upsertValues(trx, rows);
        return {
          result: { period: text, values: rows.map(presentValue) },
          audit: {
            action: 'indicator.measure',
            resource: `indicators/measure/${text}`,
            details: { indicators: indicators.map((i) => i.code), values: rows.length },
          },
        };
      });
    },
  };
}
