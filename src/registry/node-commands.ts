import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, isSegment, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, Database, NodeKeyTable, NodeTable } from '../store/index.js';
import { ListQuery, type Page } from './common-schemas.js';
import { NodeInput, NodeKeyInput, type NodeKeyView, type NodeView } from './node-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, encodeIdCursor } from './pagination.js';
import { canonicalEd25519PublicKey, publicKeyId } from './public-key-id.js';
import type { RegistryContext } from './registry-context.js';
import { isoTime, isoTimeOrNull } from './time-text.js';

/** Commands and queries on exchange nodes and their sealing keys. */
export interface NodeCommands {
  /** Lists nodes in id order, each with its keys. */
  list(query?: Static<typeof ListQuery>): Promise<Page<NodeView>>;
  /** One node with its keys; `not-found` if absent. */
  get(id: string): Promise<NodeView>;
  /** Registers an exchange node. */
  register(actor: AuditActor, input: NodeInput): Promise<NodeView>;
  /** Adds an Ed25519 public key to a node; `conflict` if the key is already known. */
  addKey(actor: AuditActor, nodeId: string, input: NodeKeyInput): Promise<NodeKeyView>;
  /** Retires a key: it no longer seals, but stays published so old seals still verify. */
  retireKey(actor: AuditActor, nodeId: string, keyId: string): Promise<NodeKeyView>;
  /**
   * Registers a starting exchange node and its current public key when they are not there yet; a node
   * already registered keeps its name and its other keys. `federation` is where the node's federation
   * listener answers and its TLS key's fingerprint; without it the node no longer federates and its
   * stored federation address is cleared, so partners are not sent to a listener that is gone.
   */
  ensureRegistered(
    actor: AuditActor,
    nodeId: string,
    publicKey: string,
    federation?: NodeFederation,
  ): Promise<NodeView>;
}

/** Where a node's federation listener answers and which TLS key it presents. */
export interface NodeFederation {
  /** `https://host:port`, as partners reach it. */
  readonly address: string;
  /** Hex SHA-256 of the SPKI of the node's federation TLS key (`publicKeyFingerprint`). */
  readonly tlsFingerprint: string;
}

function checkNodeFederation(federation: NodeFederation): void {
  const problems: { pointer: string; detail: string }[] = [];
  let url: URL | undefined;
  try {
    url = new URL(federation.address);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' || url.pathname !== '/' || url.search !== '' || url.username !== '') {
    problems.push({ pointer: '/federation/address', detail: 'must be https://host:port with no path' });
  }
  if (!/^[0-9a-f]{64}$/.test(federation.tlsFingerprint)) {
    problems.push({ pointer: '/federation/tlsFingerprint', detail: 'must be 64 lower-case hex digits' });
  }
  if (problems.length > 0)
    throw new CangError('validation-failed', 'Invalid node federation', { errors: problems });
}

/** `https://host:port` without the trailing slash URL adds. */
function federationAddressOf(address: string): string {
  return new URL(address).origin;
}

/** Presents a node key row. */
export function presentNodeKey(row: NodeKeyTable): NodeKeyView {
  return {
    id: row.id,
    node: row.node_id,
    publicKey: row.public_key,
    createdAt: isoTime(row.created_at),
    retiredAt: isoTimeOrNull(row.retired_at),
  };
}

function presentNode(row: NodeTable, keys: readonly NodeKeyTable[]): NodeView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    federationAddress: row.federation_address,
    federationTlsFingerprint: row.federation_tls_fingerprint,
    createdAt: isoTime(row.created_at),
    keys: keys.filter((key) => key.node_id === row.id).map(presentNodeKey),
  };
}

async function requireNode(db: Kysely<Database>, id: string): Promise<NodeTable> {
  if (!isSegment(id)) throw new CangError('bad-request', 'Malformed node identifier');
  const row = await db.selectFrom('nodes').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No node ${id}`);
  return row;
}

async function keysOf(db: Kysely<Database>, nodeIds: readonly string[]): Promise<NodeKeyTable[]> {
  if (nodeIds.length === 0) return [];
  return db
    .selectFrom('node_keys')
    .selectAll()
    .where('node_id', 'in', nodeIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Builds the node commands over a registry context. */
export function nodeCommands(context: RegistryContext): NodeCommands {
  const { db } = context;
  const commands: NodeCommands = {
    async list(query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('nodes')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      const rows = await select.execute();
      const page = rows.slice(0, limit);
      const keys = await keysOf(
        db,
        page.map((row) => row.id),
      );
      const last = page.at(-1);
      return {
        items: page.map((row) => presentNode(row, keys)),
        nextCursor: rows.length > limit && last !== undefined ? encodeIdCursor(last.id) : null,
      };
    },

    async get(id) {
      const row = await requireNode(db, id);
      return presentNode(row, await keysOf(db, [id]));
    },

    async register(actor, raw) {
      const input = parseInput(NodeInput, raw, 'Invalid node');
      return context.write(actor, async (trx, now) => {
        const existing = await trx
          .selectFrom('nodes')
          .select('id')
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (existing !== undefined) throw new CangError('conflict', `Node ${input.id} already exists`);
        const row: NodeTable = {
          id: input.id,
          name: input.name,
          address: input.address ?? null,
          federation_address: null,
          federation_tls_fingerprint: null,
          created_at: now,
        };
        await trx.insertInto('nodes').values(row).execute();
        return {
          result: presentNode(row, []),
          audit: { action: 'node.register', resource: `node:${row.id}`, details: input },
        };
      });
    },

    async addKey(actor, nodeId, raw) {
      let publicKey = '';
      parseInput(NodeKeyInput, raw, 'Invalid node key', (value, problems) => {
        if (typeof value.publicKey !== 'string') return;
        publicKey = canonicalEd25519PublicKey(value.publicKey) ?? '';
        if (publicKey === '')
          problems.add('/publicKey', 'must be an Ed25519 public key, base64url of its SPKI DER');
      });
      const id = publicKeyId(publicKey);
      return context.write(actor, async (trx, now) => {
        await requireNode(trx, nodeId);
        const existing = await trx
          .selectFrom('node_keys')
          .select('node_id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (existing !== undefined) {
          throw new CangError('conflict', `Key ${id} is already registered for node ${existing.node_id}`);
        }
        const row: NodeKeyTable = {
          id,
          node_id: nodeId,
          public_key: publicKey,
          created_at: now,
          retired_at: null,
        };
        await trx.insertInto('node_keys').values(row).execute();
        const view = presentNodeKey(row);
        return {
          result: view,
          audit: { action: 'node.add-key', resource: `node:${nodeId}/keys/${id}`, details: view },
        };
      });
    },

    async retireKey(actor, nodeId, keyId) {
      return context.write(actor, async (trx, now) => {
        await requireNode(trx, nodeId);
        const row = await trx
          .selectFrom('node_keys')
          .selectAll()
          .where('id', '=', keyId)
          .where('node_id', '=', nodeId)
          .executeTakeFirst();
        if (row === undefined) throw new CangError('not-found', `No key ${keyId} for node ${nodeId}`);
        if (row.retired_at !== null) throw new CangError('conflict', `Key ${keyId} is already retired`);
        await trx.updateTable('node_keys').set({ retired_at: now }).where('id', '=', keyId).execute();
        const view = presentNodeKey({ ...row, retired_at: now });
        return {
          result: view,
          audit: { action: 'node.retire-key', resource: `node:${nodeId}/keys/${keyId}` },
        };
      });
    },

    async ensureRegistered(actor, nodeId, publicKey, federation) {
      if (federation !== undefined) checkNodeFederation(federation);
      const known = await commands.get(nodeId).catch((error: unknown) => {
        if (error instanceof CangError && error.code === 'not-found') return undefined;
        throw error;
      });
      if (known === undefined)
        await commands.register(actor, { id: nodeId, name: `Exchange node ${nodeId}` });
      const current = await commands.get(nodeId);
      if (!current.keys.some((key) => key.id === publicKeyId(publicKey))) {
        await commands.addKey(actor, nodeId, { publicKey });
      }
      const address = federation === undefined ? null : federationAddressOf(federation.address);
      const fingerprint = federation?.tlsFingerprint ?? null;
      if (current.federationAddress !== address || current.federationTlsFingerprint !== fingerprint) {
        await context.write(actor, async (trx) => {
          await trx
            .updateTable('nodes')
            .set({ federation_address: address, federation_tls_fingerprint: fingerprint })
            .where('id', '=', nodeId)
            .execute();
          return {
            result: undefined,
            audit: {
              action: 'node.federation',
              resource: `node:${nodeId}`,
              details: { federationAddress: address, federationTlsFingerprint: fingerprint },
            },
          };
        });
      }
      return commands.get(nodeId);
    },
  };
  return commands;
}
