import { sql } from 'kysely';
import type { WorkingCalendar } from '../core/index.js';
import type { Store } from '../store/index.js';
import { decisionDeadline } from './sharing-request-deadline.js';

/** Published (or deprecated, still served) entries of one organisation, by kind. */
export interface SharedEntriesOfOrganisation {
  readonly organisation: string;
  readonly name: string;
  readonly datasets: number;
  readonly services: number;
}

/** For steering: datasets and data services each organisation shares in the catalog (published or deprecated). */
export async function sharedEntriesByOrganisation(store: Store): Promise<SharedEntriesOfOrganisation[]> {
  const rows = await store.db
    .selectFrom('catalog_entries as e')
    .leftJoin('organisations as o', 'o.id', 'e.publisher_id')
    .select(['e.publisher_id', 'o.name', 'e.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.state', 'in', ['published', 'deprecated'])
    .groupBy(['e.publisher_id', 'o.name', 'e.kind'])
    .execute();
  const byOrganisation = new Map<string, SharedEntriesOfOrganisation>();
  for (const row of rows) {
    const current = byOrganisation.get(row.publisher_id) ?? {
      organisation: row.publisher_id,
      name: row.name ?? row.publisher_id,
      datasets: 0,
      services: 0,
    };
    byOrganisation.set(row.publisher_id, {
      ...current,
      [row.kind === 'dataset' ? 'datasets' : 'services']: Number(row.n),
    });
  }
  return [...byOrganisation.values()].sort((a, b) => (a.organisation < b.organisation ? -1 : 1));
}

/** For steering: how many open datasets are published. */
export async function publishedOpenDatasets(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('catalog_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'dataset')
    .where('classification', '=', 'open')
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For steering: open published datasets whose six-monthly review is overdue at `now`. */
export async function overdueReviewCount(store: Store, now: number = Date.now()): Promise<number> {
  const row = await store.db
    .selectFrom('catalog_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'dataset')
    .where('classification', '=', 'open')
    .where('state', '=', 'published')
    .where('review_due_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sharing requests decided in a window, and how many of them within their due time. */
export interface DecisionTimeliness {
  readonly decided: number;
  readonly onTime: number;
  /** onTime / decided, or null when nothing was decided. */
  readonly ratio: number | null;
}

/**
 * For steering: requests approved or refused in [from, to) and how many were decided within
 * the legal 2 working days of their latest (re)submission, counted in the working calendar given.
 */
export async function requestsDecidedOnTime(
  store: Store,
  window: { readonly from: number; readonly to: number },
  calendar: WorkingCalendar,
): Promise<DecisionTimeliness> {
  const rows = await store.db
    .selectFrom('sharing_requests')
    .select(['submitted_at', 'decided_at'])
    .where('decided_at', 'is not', null)
    .where('decided_at', '>=', window.from)
    .where('decided_at', '<', window.to)
    .where(sql<boolean>`submitted_at IS NOT NULL`)
    .execute();
  const onTime = rows.filter(
    (r) => (r.decided_at ?? 0) < decisionDeadline(calendar, r.submitted_at ?? 0).endsAt,
  ).length;
  return { decided: rows.length, onTime, ratio: rows.length === 0 ? null : onTime / rows.length };
}
