import { type KeyObject, createHash, createPublicKey } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { signData } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { ARCHIVE_FORMAT, type ArchiveHeader, type ArchiveNodeExtent } from './archive-format.js';
import { canonicalEntry, rowToEntry } from './entry-encoding.js';
import { type PublicKeyInput, toPublicKey } from './log-seal.js';

/** What to export and how to sign it. `from`/`to` are seq numbers, inclusive, applied per node. */
export interface ExportLogOptions {
  readonly store: Store;
  readonly file: string;
  readonly nodeId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly signingKey: KeyObject;
  readonly keyId: string;
  /** Node keys for the seals, embedded in the (signed) header; the export key is always embedded. */
  readonly publicKeys?: ReadonlyMap<string, PublicKeyInput>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly now?: () => number;
}

/** What an export wrote. */
export interface ExportLogResult {
  readonly entries: number;
  readonly seals: number;
  readonly nodes: string[];
  /** Each node's first and last exported seq, as the signed trailer states them. */
  readonly extents: Readonly<Record<string, ArchiveNodeExtent>>;
  readonly lastHash: string | null;
  /** base64url SHA-256 of the signed content. */
  readonly sha256: string;
}

const PAGE_ROWS = 5_000;

/** Writes a signed, gzipped NDJSON archive of the log (format in archive-format.ts), streaming from the store. */
export async function exportLog(options: ExportLogOptions): Promise<ExportLogResult> {
  const { store } = options;
  const from = options.from ?? 1;
  const to = options.to ?? Number.MAX_SAFE_INTEGER;
  let extentQuery = store.db
    .selectFrom('log_entries')
    .select(['node_id', (eb) => eb.fn.min('seq').as('first'), (eb) => eb.fn.max('seq').as('last')])
    .where('seq', '>=', from)
    .where('seq', '<=', to)
    .groupBy('node_id')
    .orderBy('node_id');
  if (options.nodeId !== undefined) extentQuery = extentQuery.where('node_id', '=', options.nodeId);
  const extents = (await extentQuery.execute()).map((r) => ({
    nodeId: r.node_id,
    first: Number(r.first),
    last: Number(r.last),
  }));
  const total = extents.reduce((sum, e) => sum + (e.last - e.first + 1), 0);

  const sealKeys: Record<string, string> = {};
  for (const [id, key] of options.publicKeys ?? []) sealKeys[id] = spki(toPublicKey(key));
  sealKeys[options.keyId] = spki(createPublicKey(options.signingKey));
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    createdAt: (options.now ?? Date.now)(),
    keyId: options.keyId,
    nodeId: options.nodeId ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    sealKeys,
  };

  const digest = createHash('sha256');
  let entries = 0;
  let seals = 0;
  let lastHash: string | null = null;
  let signedDigest = '';
  const nodes: Record<string, ArchiveNodeExtent> = {};
  const line = (value: string): string => {
    const text = `${value}\n`;
    digest.update(text);
    return text;
  };

  async function* lines(): AsyncGenerator<string> {
    yield line(JSON.stringify(header));
    for (const extent of extents) {
      const rows = await store.db
        .selectFrom('log_seals')
        .selectAll()
        .where('node_id', '=', extent.nodeId)
        .where('seq', '>=', extent.first)
        .where('seq', '<=', extent.last)
        .orderBy('seq')
        .execute();
      for (const s of rows) {
        seals++;
        yield line(
          JSON.stringify([
            's',
            s.node_id,
            Number(s.seq),
            s.head_hash,
            Number(s.sealed_at),
            s.key_id,
            s.signature,
          ]),
        );
      }
    }
    for (const extent of extents) {
      let after = extent.first - 1;
      let chunk: string[] = [];
      for (;;) {
        const rows = await store.db
          .selectFrom('log_entries')
          .selectAll()
          .where('node_id', '=', extent.nodeId)
          .where('seq', '>', after)
          .where('seq', '<=', extent.last)
          .orderBy('seq')
          .limit(PAGE_ROWS)
          .execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          const canonical = canonicalEntry(rowToEntry(row));
          chunk.push(
            line(
              `["e",${canonical.slice(1, -1)},${JSON.stringify(row.prev_hash)},${JSON.stringify(row.hash)}]`,
            ),
          );
          lastHash = row.hash;
        }
        entries += rows.length;
        after = Number(rows[rows.length - 1]!.seq);
        yield chunk.join('');
        chunk = [];
        options.onProgress?.(entries, total);
      }
      if (lastHash !== null) nodes[extent.nodeId] = { firstSeq: extent.first, lastSeq: after, lastHash };
    }
    yield line(JSON.stringify({ trailer: { entries, seals, lastHash, nodes } }));
    const sum = digest.digest();
    signedDigest = sum.toString('base64url');
    const signature = signData(options.signingKey, sum);
    yield `${JSON.stringify({ signature, keyId: options.keyId, sha256: signedDigest })}\n`;
  }

  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(options.file));
  options.onProgress?.(entries, total);
  return {
    entries,
    seals,
    nodes: extents.map((e) => e.nodeId),
    extents: nodes,
    lastHash,
    sha256: signedDigest,
  };
}

function spki(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64url');
}
