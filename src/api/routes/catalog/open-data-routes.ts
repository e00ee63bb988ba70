import { Type } from '@sinclair/typebox';
import {
  type Catalog,
  DcatDocument,
  EntryView,
  OpenListQuery,
  SearchResult,
} from '../../../catalog/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { withProblems } from '../../problem-schema.js';

/**
 * `/api/v1/catalog/open/…`: open data for anyone, without a session (registered outside the
 * authenticated scope). Only open, published entries are ever shown here.
 */
export function registerOpenDataRoutes(app: ApiApp, catalog: Catalog, publicUrl: string): void {
  const tags = ['open data'];

  app.get(
    '/catalog/open/entries',
    {
      schema: {
        tags,
        operationId: 'listOpenCatalogEntries',
        summary: 'List and search open published datasets and services (public)',
        security: [],
        querystring: OpenListQuery,
        response: withProblems({ 200: SearchResult }),
      },
    },
    async (request) => catalog.openData.list(request.query),
  );

  app.get(
    '/catalog/open/entries/:id',
    {
      schema: {
        tags,
        operationId: 'getOpenCatalogEntry',
        summary: 'One open published entry (public)',
        security: [],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: withProblems({ 200: EntryView }),
      },
    },
    async (request) => catalog.openData.get(request.params.id),
  );

  app.get(
    '/catalog/open/dcat.jsonld',
    {
      schema: {
        tags,
        operationId: 'exportOpenCatalogDcat',
        summary: 'DCAT-AP export of the open published entries, as JSON-LD (public)',
        security: [],
        response: withProblems({ 200: DcatDocument }),
      },
    },
    async (_request, reply) => {
      // Never from the Host header, which any caller can set: the links must point at this platform.
      const document = await catalog.openData.dcat({ baseUrl: publicUrl });
      return reply
        .type('application/ld+json; charset=utf-8')
        .send(document as { '@context': unknown; '@type': 'dcat:Catalog' });
    },
  );
}
