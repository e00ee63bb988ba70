import type { KeyObject } from 'node:crypto';
import { signData } from '../core/index.js';

/*
 * How an exchange node proves itself to the registry when it fetches the snapshot or an OpenAPI
 * document (docs/exchange-protocol.md, "How a node fetches its configuration"):
 *
 *   Authorization: Cang-Node node="hp-node-2", key="{key id}", time="{Unix ms}", signature="{base64url}"
 *
 * The signature is Ed25519, by one of the node's registered, unretired keys, over
 * `cang-node-request/1\n{node}\n{key id}\n{time}\n{METHOD}\n{path and query}`. No nonce is exchanged: the
 * registry accepts a time within NODE_SIGNATURE_WINDOW_MS of its own clock and remembers the signatures
 * it accepted during that window, so a captured request is refused once stale and refused as a replay
 * before that (per admin process). Binding the method, path and query keeps a signature for one document
 * from fetching another.
 */

/** The authorization scheme of node-signed requests. */
export const NODE_AUTH_SCHEME = 'Cang-Node';

/** How far a signed request's time may lie from the registry's clock, either way. */
export const NODE_SIGNATURE_WINDOW_MS = 60_000;

/** What a node signs its requests with: its id, and its current key and that key's id in the registry. */
export interface NodeSigner {
  readonly nodeId: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The fields of a `Cang-Node` authorization. */
export interface NodeAuthorization {
  readonly node: string;
  readonly key: string;
  readonly time: number;
  readonly signature: string;
}

/** The text a node signs for one request. */
export function nodeRequestText(
  node: string,
  key: string,
  time: number,
  method: string,
  pathAndQuery: string,
): string {
  return ['cang-node-request/1', node, key, String(time), method.toUpperCase(), pathAndQuery].join('\n');
}

/** The Authorization header value of a node-signed request to `url`. */
export function signNodeRequest(signer: NodeSigner, method: string, url: string, now: number): string {
  const { pathname, search } = new URL(url);
  const signature = signData(
    signer.privateKey,
    nodeRequestText(signer.nodeId, signer.keyId, now, method, `${pathname}${search}`),
  );
  return `${NODE_AUTH_SCHEME} node="${signer.nodeId}", key="${signer.keyId}", time="${now}", signature="${signature}"`;
}

const FIELD = /^\s*([a-z]+)="([A-Za-z0-9._~+/=-]*)"\s*$/;

/** Reads a `Cang-Node` authorization; undefined when it is some other scheme or malformed. */
export function parseNodeAuthorization(header: string): NodeAuthorization | undefined {
  const prefix = `${NODE_AUTH_SCHEME} `;
  if (!header.startsWith(prefix)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(prefix.length).split(',')) {
    const match = FIELD.exec(part);
    if (match === null || fields.has(match[1]!)) return undefined;
    fields.set(match[1]!, match[2]!);
  }
  const [node, key, time, signature] = ['node', 'key', 'time', 'signature'].map((name) => fields.get(name));
  if (node === undefined || key === undefined || signature === undefined || !/^\d{1,16}$/.test(time ?? '')) {
    return undefined;
  }
  return { node, key, time: Number(time), signature };
}
