import { createHash } from 'node:crypto';
import type { AuditActor, SteeringIndicatorValueTable } from '../../../store/index.js';
import { createSteeringContext, type SteeringContextOptions } from '../../steering-context.js';
import { indicatorDefinitionCommands } from '../indicator-commands.js';
import { levelsOf, UNIT_COLUMNS } from '../indicator-rows.js';
import { TargetLookup } from '../target-lookup.js';
import { checkValue } from '../value-rules.js';
import {
  HAIPHONG_PROGRAM_INDICATORS,
  PLATFORM_MEASURED_INDICATORS,
  SAMPLE_EVIDENCE,
  SAMPLE_UNITS,
  SAMPLE_YEARS,
} from './haiphong-indicators.js';

/** What the sample seed added. */
export interface IndicatorSeedResult {
  readonly indicatorsCreated: number;
  readonly valuesCreated: number;
}

// A stable number in [0, 1) per key, so the sample is the same on every run and every machine.
const unitInterval = (key: string): number =>
  createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Seeds the program's indicators with their real targets, the three measured EXC indicators and
 * plausible annual sample values (2022–2025, evidence 'Dữ liệu mẫu') for the city and a few departments
 * and districts that exist. Idempotent: it adds only what is missing and never overwrites a value.
 */
export async function seedIndicatorSample(
  options: SteeringContextOptions,
  actor: AuditActor,
): Promise<IndicatorSeedResult> {
  const context = createSteeringContext(options);
  const definitions = indicatorDefinitionCommands(context);
  const existing = new Set((await definitions.list()).map((indicator) => indicator.code));
  let indicatorsCreated = 0;
  for (const input of [...HAIPHONG_PROGRAM_INDICATORS, ...PLATFORM_MEASURED_INDICATORS]) {
    if (existing.has(input.code)) continue;
    await definitions.create(actor, input);
    indicatorsCreated += 1;
  }
  const valuesCreated = await context.write(actor, async (trx, now) => {
    const indicators = await trx
      .selectFrom('steering_indicators')
      .selectAll()
      .where('measure', 'is', null)
      .execute();
    const lookup = new TargetLookup(await trx.selectFrom('steering_indicator_targets').selectAll().execute());
    const units = await trx
      .selectFrom('steering_units')
      .select(UNIT_COLUMNS)
      .where('id', 'in', SAMPLE_UNITS)
      .execute();
    const present = new Set(
      (
        await trx
          .selectFrom('steering_indicator_values')
          .select(['period', 'indicator_code', 'unit_id'])
          .where('unit_id', 'in', SAMPLE_UNITS)
          .execute()
      ).map((row) => `${row.period} ${row.indicator_code} ${row.unit_id}`),
    );
    const rows: SteeringIndicatorValueTable[] = [];
    for (const indicator of indicators) {
      for (const unit of units) {
        if (!levelsOf(indicator).includes(unit.kind)) continue;
        for (const year of SAMPLE_YEARS) {
          const period = String(year);
          const target = lookup.targetFor(indicator.code, unit.kind, year);
          if (target === null || present.has(`${period} ${indicator.code} ${unit.id}`)) continue;
          const key = { indicatorCode: indicator.code, unitId: unit.id, period };
          // Between 70 % and 108 % of the target, a little better every year.
          const share =
            0.7 + 0.3 * unitInterval(`${period} ${indicator.code} ${unit.id}`) + 0.02 * (year - 2022);
          let value = Math.round(target * share * 10) / 10;
          if (indicator.measure_unit === '%') value = Math.min(100, value);
          if (!checkValue(key, value, indicator, unit, { now }).ok) continue;
          rows.push({
            period,
            indicator_code: indicator.code,
            unit_id: unit.id,
            value,
            source: 'reported',
            evidence_note: SAMPLE_EVIDENCE,
            attachment_id: null,
            recorded_by: actor.id,
            created_at: now,
            updated_at: now,
          });
        }
      }
    }
    if (rows.length > 0) await trx.insertInto('steering_indicator_values').values(rows).execute();
    return {
      result: rows.length,
      audit:
        rows.length === 0
          ? []
          : {
              action: 'indicator-value.seed',
              resource: 'indicators/sample',
              details: { values: rows.length },
            },
    };
  });
  return { indicatorsCreated, valuesCreated };
}
