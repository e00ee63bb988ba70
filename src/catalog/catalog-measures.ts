import { proposedWorkingCalendar, type WorkingCalendarSource } from '../core/index.js';
import type { Store } from '../store/index.js';
import { decisionDeadline } from './sharing-request-deadline.js';

/** A period as measured indicators ask for it: `[startMs, endMs)`. */
export interface MeasurePeriod {
  readonly startMs: number;
  readonly endMs: number;
}

/** Per-organisation figures of one catalog measure for a period. */
export type CatalogMeasure = (period: MeasurePeriod, now: number) => Promise<ReadonlyMap<string, number>>;

/**
 * The catalog's figures as measured indicators of the steering workspace, per organisation:
 * - `catalog-shared-entries`: datasets and data services it shares (published or deprecated) by the period's end;
 * - `catalog-open-datasets`: open datasets it has published by the period's end;
 * - `catalog-requests-on-time`: % of the sharing requests it approved or refused in the period within the
 *   legal deadline, 2 working days after the (re)submission (Decree 194/2025/NĐ-CP), counted in the
 *   working calendar as it stands when measured.
 * The composition root hands these to steering, which never imports the catalog itself, with the working
 * calendar steering keeps.
 */
export function catalogMeasures(
  store: Store,
  workingCalendar: WorkingCalendarSource = proposedWorkingCalendar,
): Readonly<Record<string, CatalogMeasure>> {
  const countEntries = async (period: MeasurePeriod, now: number, openDatasetsOnly: boolean) => {
    let query = store.db
      .selectFrom('catalog_entries')
      .select(['publisher_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('published_at', 'is not', null)
      .where('published_at', '<', Math.min(period.endMs, now + 1))
      .groupBy('publisher_id');
    query = openDatasetsOnly
      ? query
          .where('kind', '=', 'dataset')
          .where('classification', '=', 'open')
          .where('state', '=', 'published')
      : query.where('state', 'in', ['published', 'deprecated']);
    const rows = await query.execute();
    return new Map(rows.map((row) => [row.publisher_id, Number(row.n)]));
  };
  return {
    'catalog-shared-entries': (period, now) => countEntries(period, now, false),
    'catalog-open-datasets': (period, now) => countEntries(period, now, true),
    'catalog-requests-on-time': async (period) => {
      const rows = await store.db
        .selectFrom('sharing_requests')
        .select(['owner_id', 'submitted_at', 'decided_at'])
        .where('decided_at', '>=', period.startMs)
        .where('decided_at', '<', period.endMs)
        .where('submitted_at', 'is not', null)
        .execute();
      const calendar = await workingCalendar();
      const tally = new Map<string, { decided: number; onTime: number }>();
      for (const row of rows) {
        const owner = tally.get(row.owner_id) ?? { decided: 0, onTime: 0 };
        owner.decided += 1;
        if ((row.decided_at ?? 0) < decisionDeadline(calendar, row.submitted_at ?? 0).endsAt)
          owner.onTime += 1;
        tally.set(row.owner_id, owner);
      }
      return new Map([...tally].map(([owner, t]) => [owner, Math.round((1000 * t.onTime) / t.decided) / 10]));
    },
  };
}
