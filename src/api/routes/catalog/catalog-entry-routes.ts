import { Type } from '@sinclair/typebox';
import {
  type Catalog,
  EntryInput,
  EntryPatch,
  EntryTransition,
  EntryView,
  OverdueQuery,
  OverdueReview,
  RevisionView,
  SearchQuery,
  SearchResult,
} from '../../../catalog/index.js';
import { CangError } from '../../../core/index.js';
import { type Actor, auditActorOf, authorize, isAllowed } from '../../../identity/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { organisationScope } from './catalog-scope.js';

const EntryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'Entry id' }),
});

/** Loads an entry the actor may see: drafts and retired entries only by their publisher's writers. */
async function visibleEntry(catalog: Catalog, actor: Actor, id: string): Promise<EntryView> {
  authorize(actor, 'catalog.read');
  const entry = await catalog.entries.get(id);
  const listed = entry.state === 'published' || entry.state === 'deprecated';
  if (!listed && !isAllowed(actor, 'catalog.write', entry.publisher)) {
    throw new CangError('not-found', `No catalog entry ${id}`);
  }
  return entry;
}

/** `/api/v1/catalog/entries…` and `/api/v1/catalog/reviews/overdue`: the catalog for signed-in users. */
export function registerCatalogEntryRoutes(app: ApiApp, catalog: Catalog): void {
  const tags = ['catalog'];

  app.get(
    '/catalog/entries',
    {
      schema: {
        tags,
        operationId: 'searchCatalogEntries',
        summary: 'Search the catalog: full text (diacritics optional) with facets',
        querystring: SearchQuery,
        response: withProblems({ 200: SearchResult }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'catalog.read');
      const { state, publisher } = request.query;
      if (state === 'draft' || state === 'retired') {
        // Unlisted entries are their publisher's business: name the publisher you write for.
        if (publisher === undefined && organisationScope(actor, 'catalog.write') !== 'all') {
          throw new CangError('validation-failed', 'Name the publisher to see its unlisted entries', {
            errors: [{ pointer: '/publisher', detail: `is required with state=${state}` }],
          });
        }
        authorize(actor, 'catalog.write', publisher);
      }
      return catalog.search(request.query);
    },
  );

  app.post(
    '/catalog/entries',
    {
      schema: {
        tags,
        operationId: 'createCatalogEntry',
        summary: 'Create a catalog entry (a draft) for an organisation',
        body: EntryInput,
        response: withProblems({ 201: EntryView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'catalog.write', request.body.publisher);
      return reply.code(201).send(await catalog.entries.create(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/catalog/entries/:id',
    {
      schema: {
        tags,
        operationId: 'getCatalogEntry',
        summary: 'One catalog entry',
        params: EntryParams,
        response: withProblems({ 200: EntryView }),
      },
    },
    async (request) => visibleEntry(catalog, actorOf(request), request.params.id),
  );

  app.patch(
    '/catalog/entries/:id',
    {
      schema: {
        tags,
        operationId: 'updateCatalogEntry',
        summary: "Change an entry's metadata (recorded in its history)",
        params: EntryParams,
        body: EntryPatch,
        response: withProblems({ 200: EntryView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const entry = await visibleEntry(catalog, actor, request.params.id);
      authorize(actor, 'catalog.write', entry.publisher);
      return catalog.entries.update(auditActorOf(actor), entry.id, request.body);
    },
  );

  app.post(
    '/catalog/entries/:id/state',
    {
      schema: {
        tags,
        operationId: 'changeCatalogEntryState',
        summary: 'Move an entry along its lifecycle: draft → published → deprecated → retired',
        params: EntryParams,
        body: EntryTransition,
        response: withProblems({ 200: EntryView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const entry = await visibleEntry(catalog, actor, request.params.id);
      authorize(actor, 'catalog.write', entry.publisher);
      return catalog.entries.transition(auditActorOf(actor), entry.id, request.body);
    },
  );

  app.post(
    '/catalog/entries/:id/review',
    {
      schema: {
        tags,
        operationId: 'reviewCatalogEntry',
        summary: 'Record a review of a published entry; the next falls due six months later',
        params: EntryParams,
        response: withProblems({ 200: EntryView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const entry = await visibleEntry(catalog, actor, request.params.id);
      authorize(actor, 'catalog.write', entry.publisher);
      return catalog.entries.review(auditActorOf(actor), entry.id);
    },
  );

  app.get(
    '/catalog/entries/:id/revisions',
    {
      schema: {
        tags,
        operationId: 'listCatalogEntryRevisions',
        summary: 'The history of an entry: who changed which fields, when',
        params: EntryParams,
        response: withProblems({ 200: Type.Object({ items: Type.Array(RevisionView) }) }),
      },
    },
    async (request) => {
      const entry = await visibleEntry(catalog, actorOf(request), request.params.id);
      return { items: await catalog.entries.revisions(entry.id) };
    },
  );

  app.get(
    '/catalog/reviews/overdue',
    {
      schema: {
        tags,
        operationId: 'listOverdueReviews',
        summary: 'Open published datasets whose six-monthly review is overdue',
        querystring: OverdueQuery,
        response: withProblems({ 200: Type.Object({ items: Type.Array(OverdueReview) }) }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'catalog.read');
      return { items: await catalog.openData.overdueReviews(request.query) };
    },
  );
}
