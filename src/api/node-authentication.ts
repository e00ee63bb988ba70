import type { FastifyRequest } from 'fastify';
import { CangError, loadPublicKey, verifySignature } from '../core/index.js';
import {
  NODE_SIGNATURE_WINDOW_MS,
  nodeRequestText,
  parseNodeAuthorization,
  type Registry,
} from '../registry/index.js';

/** Checks that a request comes from a registered exchange node; see registry/node-request-signature.ts. */
export type NodeAuthentication = (request: FastifyRequest) => Promise<string>;

function failed(detail: string): CangError {
  return new CangError('node-auth-failed', detail);
}

/**
 * Builds the check of node-signed requests: the node and its unretired key must be registered, the
 * signature must cover this method, path and query, the time must lie within the window, and the same
 * signature is accepted once. Resolves the node's id.
 */
export function createNodeAuthentication(
  registry: Pick<Registry, 'nodes'>,
  now: () => number = Date.now,
): NodeAuthentication {
  // Signatures accepted within the window, oldest first; each is refused as a replay while remembered.
  const accepted = new Map<string, number>();
  return async (request) => {
    const header = request.headers.authorization;
    if (header === undefined)
      throw new CangError('unauthenticated', 'Only exchange nodes may fetch this, signed');
    const auth = parseNodeAuthorization(header);
    if (auth === undefined) throw failed('The request is not signed by a node (Authorization: Cang-Node …)');
    const at = now();
    if (Math.abs(at - auth.time) > NODE_SIGNATURE_WINDOW_MS) {
      throw new CangError('node-signature-stale', 'The signed time is too far from the registry clock');
    }
    const node = await registry.nodes.get(auth.node).catch(() => undefined);
    const key = node?.keys.find((candidate) => candidate.id === auth.key && candidate.retiredAt === null);
    if (key === undefined) throw failed('No registered node holds this key, or it is retired');
    const text = nodeRequestText(auth.node, auth.key, auth.time, request.method, request.url);
    if (!verifySignature(loadPublicKey(key.publicKey), text, auth.signature)) {
      throw failed('The signature does not verify');
    }
    for (const [signature, time] of accepted) {
      if (time >= at - NODE_SIGNATURE_WINDOW_MS) break;
      accepted.delete(signature);
    }
    if (accepted.has(auth.signature))
      throw new CangError('node-signature-stale', 'The signed request was replayed');
    accepted.set(auth.signature, at);
    return auth.node;
  };
}
