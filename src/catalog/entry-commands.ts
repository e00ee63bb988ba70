import type { Kysely, Transaction } from 'kysely';
import { CangError, uuidV7, parseInput } from '../core/index.js';
import { organisationNameOf } from '../registry/index.js';
import type { AuditActor, CatalogEntryTable, Database } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';
import { ENTRY_TRANSITIONS, checkEntryContent, requireEntry, requirePublisherName } from './entry-checks.js';
import {
  contentColumns,
  contentOf,
  diffContent,
  type EntryContent,
  presentEntry,
  searchTextOf,
} from './entry-rows.js';
import {
  EntryInput,
  EntryPatch,
  EntryTransition,
  type EntryView,
  type RevisionView,
} from './entry-schemas.js';
import { reviewDueAfter } from './review-schedule.js';
import { indexEntry, searchFacetsOf, writeFacets, writeLinks } from './search-index.js';

/** Commands and queries on catalog entries; authorization is the caller's (the API's). */
export interface EntryCommands {
  /** One entry with its links; `not-found` if absent. */
  get(id: string): Promise<EntryView>;
  /** Creates a draft entry; `sample` marks it as sample data, which `cang sample remove` deletes. */
  create(actor: AuditActor, input: EntryInput, options?: { sample?: boolean }): Promise<EntryView>;
  /** Changes an entry's metadata; a retired entry is read-only (`conflict`). */
  update(actor: AuditActor, id: string, patch: EntryPatch): Promise<EntryView>;
  /** Moves an entry along its lifecycle; an illegal step is a `conflict`. */
  transition(actor: AuditActor, id: string, input: { state: string }): Promise<EntryView>;
  /** Records a review of a published entry; the next one falls due six months later. */
  review(actor: AuditActor, id: string): Promise<EntryView>;
  /** Every recorded change of an entry, oldest first. */
  revisions(id: string): Promise<RevisionView[]>;
}

async function linksOf(db: Kysely<Database>, id: string) {
  const [services, datasets] = await Promise.all([
    db.selectFrom('catalog_links').select('service_entry_id as id').where('dataset_id', '=', id).execute(),
    db.selectFrom('catalog_links').select('dataset_id as id').where('service_entry_id', '=', id).execute(),
  ]);
  return { services: services.map((r) => r.id).sort(), datasets: datasets.map((r) => r.id).sort() };
}

/** Reads and presents one entry. */
export async function loadEntryView(db: Kysely<Database>, id: string): Promise<EntryView> {
  const row = await requireEntry(db, id);
  const publisher = await organisationNameOf(db, row.publisher_id);
  return presentEntry(row, await linksOf(db, id), publisher ?? row.publisher_id);
}

function normaliseContent(content: EntryContent): EntryContent {
  return {
    ...content,
    distributions: content.distributions.map((d) => ({ ...d, format: d.format.toUpperCase() })),
    keywords: [...new Set(content.keywords)],
  };
}

async function recordRevision(
  trx: Transaction<Database>,
  row: Pick<CatalogEntryTable, 'id' | 'revision'>,
  actor: AuditActor,
  action: string,
  changes: Record<string, unknown>,
  at: number,
): Promise<void> {
  await trx
    .insertInto('catalog_revisions')
    .values({
      entry_id: row.id,
      revision: row.revision,
      at,
      actor: actor.id,
      action,
      changes: JSON.stringify(changes),
    })
    .execute();
}

/** Builds the entry commands over a catalog context. */
export function entryCommands(context: CatalogContext): EntryCommands {
  const { db, dialect } = context;

  async function writeContent(
    trx: Transaction<Database>,
    row: CatalogEntryTable,
    content: EntryContent,
    publisherName: string,
  ): Promise<void> {
    const searchText = searchTextOf(content, publisherName);
    const searchFacets = searchFacetsOf(
      row.kind,
      content.classification,
      row.publisher_id,
      content.themes,
      content.distributions.map((d) => d.format),
    );
    await trx
      .updateTable('catalog_entries')
      .set({ ...contentColumns(content), search_text: searchText, search_facets: searchFacets })
      .where('id', '=', row.id)
      .execute();
    await indexEntry(trx, dialect, {
      ...row,
      classification: content.classification,
      search_text: searchText,
      search_facets: searchFacets,
    });
    await writeFacets(trx, row.id, content);
    if (row.kind === 'dataset') await writeLinks(trx, row.id, content.services);
  }

  return {
    get: (id) => loadEntryView(db, id),

    async create(actor, raw, options = {}) {
      const input = parseInput(EntryInput, raw, 'Invalid catalog entry');
      const content = normaliseContent({
        exchangeService: input.exchangeService ?? null,
        title: input.title,
        description: input.description,
        focalOfficer: input.focalOfficer,
        themes: input.themes ?? [],
        keywords: input.keywords ?? [],
        classification: input.classification,
        updateFrequency: input.updateFrequency ?? null,
        temporalStart: input.temporalStart ?? null,
        temporalEnd: input.temporalEnd ?? null,
        spatial: input.spatial ?? null,
        licence: input.licence ?? null,
        distributions: input.distributions ?? [],
        schema: input.schema ?? null,
        services: input.services ?? [],
      });
      const id = await context.write(actor, async (trx, at) => {
        const publisherName = await requirePublisherName(trx, input.publisher, '/publisher');
        await checkEntryContent(trx, input.kind, input.publisher, content);
        const row: CatalogEntryTable = {
          id: uuidV7(at),
          sample: options.sample === true ? 1 : 0,
          kind: input.kind,
          publisher_id: input.publisher,
          ...contentColumns(content),
          state: 'draft',
          revision: 1,
          search_text: '',
          search_rowid: null,
          search_facets: '',
          published_at: null,
          last_reviewed_at: null,
          review_due_at: null,
          created_at: at,
          updated_at: at,
        };
        await trx.insertInto('catalog_entries').values(row).execute();
        await writeContent(trx, row, content, publisherName);
        const changes = diffContent(null, { ...content, state: 'draft' } as Partial<EntryContent>);
        await recordRevision(trx, row, actor, 'create', changes, at);
        return {
          result: row.id,
          audit: {
            action: 'catalog-entry.create',
            resource: row.id,
            details: { kind: row.kind, title: row.title },
          },
        };
      });
      return loadEntryView(db, id);
    },

    async update(actor, id, raw) {
      const patch = parseInput(EntryPatch, raw, 'Invalid catalog entry change');
      await context.write(actor, async (trx, at) => {
        const row = await requireEntry(trx, id);
        if (row.state === 'retired') throw new CangError('conflict', 'A retired entry can no longer change');
        const before = contentOf(row, (await linksOf(trx, id)).services);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const after = normaliseContent({ ...before, ...defined } as EntryContent);
        const changes = diffContent(before, after);
        if (Object.keys(changes).length === 0) return { result: undefined, audit: noChange(id) };
        await checkEntryContent(trx, row.kind, row.publisher_id, after);
        const publisherName = await requirePublisherName(trx, row.publisher_id, '/publisher');
        const revision = row.revision + 1;
        await writeContent(trx, row, after, publisherName);
        await trx
          .updateTable('catalog_entries')
          .set({ revision, updated_at: at })
          .where('id', '=', id)
          .execute();
        await recordRevision(trx, { id, revision }, actor, 'update', changes, at);
        return {
          result: undefined,
          audit: { action: 'catalog-entry.update', resource: id, details: { revision, changes } },
        };
      });
      return loadEntryView(db, id);
    },

    async transition(actor, id, raw) {
      const { state } = parseInput(EntryTransition, raw, 'Invalid lifecycle step');
      await context.write(actor, async (trx, at) => {
        const row = await requireEntry(trx, id);
        if (!ENTRY_TRANSITIONS[row.state].includes(state)) {
          throw new CangError('conflict', `A ${row.state} entry cannot become ${state}`);
        }
        const revision = row.revision + 1;
        const firstPublication = state === 'published' && row.published_at === null;
        const reviewedAt = firstPublication ? at : row.last_reviewed_at;
        await trx
          .updateTable('catalog_entries')
          .set({
            state,
            revision,
            updated_at: at,
            published_at: firstPublication ? at : row.published_at,
            last_reviewed_at: reviewedAt,
            review_due_at: reviewedAt === null ? null : reviewDueAfter(reviewedAt),
          })
          .where('id', '=', id)
          .execute();
        await indexEntry(trx, dialect, { ...row, state });
        const changes = { state: { from: row.state, to: state } };
        const action = { published: 'publish', deprecated: 'deprecate', retired: 'retire' }[state];
        await recordRevision(trx, { id, revision }, actor, action, changes, at);
        return {
          result: undefined,
          audit: { action: `catalog-entry.${action}`, resource: id, details: { revision, changes } },
        };
      });
      return loadEntryView(db, id);
    },

    async review(actor, id) {
      await context.write(actor, async (trx, at) => {
        const row = await requireEntry(trx, id);
        if (row.state !== 'published') {
          throw new CangError('conflict', `Only a published entry is reviewed; this one is ${row.state}`);
        }
        const revision = row.revision + 1;
        const due = reviewDueAfter(at);
        await trx
          .updateTable('catalog_entries')
          .set({ revision, updated_at: at, last_reviewed_at: at, review_due_at: due })
          .where('id', '=', id)
          .execute();
        const changes = {
          lastReviewedAt: { from: row.last_reviewed_at, to: at },
          reviewDueAt: { from: row.review_due_at, to: due },
        };
        await recordRevision(trx, { id, revision }, actor, 'review', changes, at);
        return {
          result: undefined,
          audit: { action: 'catalog-entry.review', resource: id, details: { revision } },
        };
      });
      return loadEntryView(db, id);
    },

    async revisions(id) {
      await requireEntry(db, id);
      const rows = await db
        .selectFrom('catalog_revisions')
        .selectAll()
        .where('entry_id', '=', id)
        .orderBy('revision')
        .execute();
      return rows.map((r) => ({
        revision: r.revision,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        changes: JSON.parse(r.changes) as RevisionView['changes'],
      }));
    },
  };
}

function noChange(id: string) {
  return { action: 'catalog-entry.update', resource: id, details: { revision: null, changes: {} } };
}
