import type { Kysely } from 'kysely';
import type { Database, SteeringIndicatorValueTable } from '../../store/index.js';

const CHUNK = 500;

/** Inserts or replaces values by (period, indicator, unit), in chunks both dialects accept. */
export async function upsertValues(
  db: Kysely<Database>,
  rows: readonly SteeringIndicatorValueTable[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += CHUNK) {
    await db
      .insertInto('steering_indicator_values')
      .values(rows.slice(from, from + CHUNK))
      .onConflict((conflict) =>
        conflict.columns(['period', 'indicator_code', 'unit_id']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          evidence_note: eb.ref('excluded.evidence_note'),
          attachment_id: eb.ref('excluded.attachment_id'),
          recorded_by: eb.ref('excluded.recorded_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
