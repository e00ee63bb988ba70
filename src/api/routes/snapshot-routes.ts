import { Type } from '@sinclair/typebox';
import { CangError } from '../../core/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { createNodeAuthentication } from '../node-authentication.js';
import { withProblems } from '../problem-schema.js';

const SignedSnapshotView = Type.Object(
  {
    payload: Type.String({ description: 'Canonical JSON of the configuration snapshot' }),
    signature: Type.String({ description: 'Ed25519 signature of payload, base64url' }),
    keyId: Type.String({ description: 'Fingerprint of the registry key' }),
  },
  { description: 'The signed configuration snapshot' },
);

/** Whether an If-None-Match header (RFC 9110 §13.1.2, weak comparison) matches the entity tag. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/** The OpenAPI security requirement of the node-only routes. */
const NODE_SIGNED = [{ node: [] }];

/**
 * The node-only routes, `GET /api/v1/config/snapshot` (the signed configuration) and
 * `GET /api/v1/config/openapi?service={id}` (a service's OpenAPI document, which the snapshot leaves out).
 * Both need a request signed with a registered exchange node's key (registry/node-request-signature.ts):
 * the snapshot shows the whole topology, provider base URLs and credential hashes, and is for nodes only.
 */
export function registerSnapshotRoutes(
  app: ApiApp,
  { snapshotPublisher, registry }: Pick<AdminApiDeps, 'snapshotPublisher' | 'registry'>,
): void {
  const authenticateNode = createNodeAuthentication(registry);
  app.register(async (nodes: ApiApp) => {
    nodes.addHook('onRequest', async (request) => {
      await authenticateNode(request);
    });

    nodes.get(
      '/config/snapshot',
      {
        schema: {
          tags: ['configuration'],
          operationId: 'getConfigSnapshot',
          summary: 'The signed configuration snapshot, for exchange nodes; honours If-None-Match',
          security: NODE_SIGNED,
          response: withProblems({
            200: SignedSnapshotView,
            304: Type.Null({ description: 'Not modified' }),
          }),
        },
      },
      async (request, reply) => {
        const { signed, etag } = await snapshotPublisher.current();
        const quoted = /^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`;
        reply.header('etag', quoted).header('cache-control', 'no-cache');
        if (etagMatches(request.headers['if-none-match'], quoted)) return reply.code(304).send(null);
        return { payload: signed.payload, signature: signed.signature, keyId: signed.keyId };
      },
    );

    nodes.get(
      '/config/openapi',
      {
        schema: {
          tags: ['configuration'],
          operationId: 'getConfigOpenApi',
          summary: "A service's OpenAPI document as stored, for exchange nodes answering getOpenAPI",
          security: NODE_SIGNED,
          querystring: Type.Object(
            { service: Type.String({ minLength: 1, maxLength: 400, description: 'The service id' }) },
            { additionalProperties: false },
          ),
          response: withProblems({ 200: Type.Record(Type.String(), Type.Unknown()) }),
        },
      },
      async (request) => {
        const document = await registry.services.openapi(request.query.service);
        if (document === null) throw new CangError('not-found', 'The service has no OpenAPI document');
        return document;
      },
    );
  });
}
