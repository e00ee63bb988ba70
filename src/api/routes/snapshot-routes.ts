import { Type } from '@sinclair/typebox';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
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

/**
 * `GET /api/v1/config/snapshot`: the signed configuration for exchange nodes. It needs no user
 * session: it is signed, so a node trusts it only if it verifies against the pinned registry key, and
 * it holds only hashes of credentials. In production put this route behind mutual TLS or a network
 * policy that admits only exchange nodes (docs/api.md).
 */
export function registerSnapshotRoutes(
  app: ApiApp,
  { snapshotPublisher }: Pick<AdminApiDeps, 'snapshotPublisher'>,
): void {
  app.get(
    '/config/snapshot',
    {
      schema: {
        tags: ['configuration'],
        operationId: 'getConfigSnapshot',
        summary: 'The signed configuration snapshot; honours If-None-Match',
        security: [],
        response: withProblems({ 200: SignedSnapshotView, 304: Type.Null({ description: 'Not modified' }) }),
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
}
