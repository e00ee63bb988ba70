import type { CatalogContext } from './catalog-context.js';
import { buildDcatCatalog } from './dcat-export.js';
import { loadEntryView } from './entry-commands.js';
import type { EntryView } from './entry-schemas.js';
import { OpenListQuery, type OverdueReview } from './open-data-schemas.js';
import { searchEntries } from './search-entries.js';
import type { SearchResult } from './search-schemas.js';
import { CangError, parseQuery } from '../core/index.js';

const DAY_MS = 86_400_000;

/** The open-data side of the catalog: what anyone may see, and the review duty of open datasets. */
export interface OpenData {
  /** Lists open, published entries (public, no authentication). */
  list(query: unknown): Promise<SearchResult>;
  /** One open, published entry; anything else is `not-found`. */
  get(id: string): Promise<EntryView>;
  /** The DCAT-AP JSON-LD export of every open, published entry. */
  dcat(options: { readonly baseUrl: string }): Promise<Record<string, unknown>>;
  /** Open published datasets whose review (due six months after the last one) is overdue. */
  overdueReviews(filter?: { readonly publisher?: string }): Promise<OverdueReview[]>;
}

/** Builds the open-data queries over a catalog context. */
export function openData(context: CatalogContext): OpenData {
  const { db, dialect } = context;
  return {
    async list(raw) {
      const query = parseQuery(OpenListQuery, raw);
      return searchEntries(db, dialect, { ...query, classification: 'open', state: 'published' });
    },

    async get(id) {
      const entry = await loadEntryView(db, id).catch(() => undefined);
      if (entry === undefined || entry.classification !== 'open' || entry.state !== 'published') {
        throw new CangError('not-found', 'No open dataset or service with this id');
      }
      return entry;
    },

    async dcat({ baseUrl }) {
      const rows = await db
        .selectFrom('catalog_entries')
        .select('id')
        .where('classification', '=', 'open')
        .where('state', '=', 'published')
        .orderBy('id')
        .execute();
      const entries: EntryView[] = [];
      for (const row of rows) entries.push(await loadEntryView(db, row.id));
      const base = baseUrl.replace(/\/+$/, '');
      return buildDcatCatalog(entries, {
        catalogUrl: `${base}/api/v1/catalog/open/dcat.jsonld`,
        entryUrl: (id) => `${base}/api/v1/catalog/open/entries/${id}`,
        title: 'Danh mục dữ liệu mở thành phố Hải Phòng',
      });
    },

    async overdueReviews(filter = {}) {
      const now = context.now();
      let select = db
        .selectFrom('catalog_entries as e')
        .leftJoin('organisations as o', 'o.id', 'e.publisher_id')
        .select(['e.id', 'e.title', 'e.publisher_id', 'o.name', 'e.last_reviewed_at', 'e.review_due_at'])
        .where('e.kind', '=', 'dataset')
        .where('e.classification', '=', 'open')
        .where('e.state', '=', 'published')
        .where('e.review_due_at', '<=', now)
        .orderBy('e.review_due_at')
        .orderBy('e.id');
      if (filter.publisher !== undefined) select = select.where('e.publisher_id', '=', filter.publisher);
      return (await select.execute()).map((r) => ({
        id: r.id,
        title: r.title,
        publisher: r.publisher_id,
        publisherName: r.name ?? r.publisher_id,
        lastReviewedAt: r.last_reviewed_at === null ? null : new Date(r.last_reviewed_at).toISOString(),
        reviewDueAt: new Date(r.review_due_at ?? 0).toISOString(),
        daysOverdue: Math.floor((now - (r.review_due_at ?? now)) / DAY_MS),
      }));
    },
  };
}
