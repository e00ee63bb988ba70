import { type KeyObject, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { verifySignature } from '../../core/index.js';
import { ARCHIVE_FORMAT, type ArchiveHeader, type ArchiveTrailer } from './archive-format.js';
import { ChainChecker, type VerifyFailure, type VerifyResult } from './chain-checker.js';
import { CANONICAL_FIELD_COUNT, entryHash, genesisHash } from './entry-encoding.js';
import { type LogSeal, type PublicKeyInput, toPublicKey } from './log-seal.js';

/** The outcome of verifying an archive offline. */
export interface ArchiveVerifyResult extends VerifyResult {
  /** The archive's Ed25519 signature over its content. */
  readonly signatureValid: boolean;
  /** Where each node's chain starts in the archive: the seq before its first entry and that entry's prevHash. */
  readonly anchors: Readonly<Record<string, { readonly seq: number; readonly hash: string }>>;
}

/** Optional seal keys; by default the keys embedded in the signed header are used. */
export interface VerifyArchiveOptions {
  readonly sealKeys?: ReadonlyMap<string, PublicKeyInput>;
}

/**
 * Verifies an archive written by exportLog with no database: the signature over the content, each
 * node's chain inside it (from its first entry's prevHash), the seals and the trailer's counts.
 */
export async function verifyArchive(
  file: string,
  publicKey: PublicKeyInput,
  options: VerifyArchiveOptions = {},
): Promise<ArchiveVerifyResult> {
  const archiveKey = toPublicKey(publicKey);
  const digest = createHash('sha256');
  const seals = new Map<string, LogSeal[]>();
  const anchors: Record<string, { seq: number; hash: string }> = {};
  const unsealed: Record<string, number> = {};
  const nodes: string[] = [];
  let keys = new Map<string, KeyObject>();
  let header: ArchiveHeader | undefined;
  let trailer: ArchiveTrailer | undefined;
  let signatureLine: { signature?: string } | undefined;
  let checker: ChainChecker | undefined;
  let failure: VerifyFailure | undefined;
  let entries = 0;
  let sealsChecked = 0;
  let lastHash: string | null = null;
  let afterSignature = false;

  const finishNode = (): void => {
    if (!checker) return;
    unsealed[checker.nodeId] = checker.finish(false);
    entries += checker.entries;
    sealsChecked += checker.sealsChecked;
    failure ??= checker.failure;
    checker = undefined;
  };
  const malformed = (): void => {
    failure ??= { nodeId: checker?.nodeId ?? '', seq: checker?.nextSeq ?? 0, reason: 'malformed' };
  };

  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const text of reader) {
      if (afterSignature) {
        malformed();
        continue;
      }
      if (text.startsWith('{"signature"')) {
        signatureLine = parse(text) as { signature?: string } | undefined;
        afterSignature = true;
        continue;
      }
      digest.update(`${text}\n`);
      if (failure) continue; // keep hashing for the signature, stop judging the chain
      const value = parse(text);
      if (!header) {
        header = value as ArchiveHeader;
        if (header?.format !== ARCHIVE_FORMAT) malformed();
        keys = archiveKeys(header, archiveKey, options.sealKeys);
        continue;
      }
      if (Array.isArray(value) && value[0] === 's' && value.length === 7) {
        const [, nodeId, seq, headHash, sealedAt, keyId, signature] = value as [
          string,
          string,
          number,
          string,
          number,
          string,
          string,
        ];
        const list = seals.get(nodeId) ?? [];
        list.push({ nodeId, seq, headHash, sealedAt, keyId, signature });
        seals.set(nodeId, list);
      } else if (Array.isArray(value) && value[0] === 'e' && value.length === CANONICAL_FIELD_COUNT + 3) {
        const fields = value.slice(1, CANONICAL_FIELD_COUNT + 1);
        const nodeId = String(fields[0]);
        const seq = Number(fields[1]);
        const prevHash = String(value[CANONICAL_FIELD_COUNT + 1]);
        const hash = String(value[CANONICAL_FIELD_COUNT + 2]);
        if (checker?.nodeId !== nodeId) {
          finishNode();
          if (failure) continue;
          if (nodes.includes(nodeId)) {
            failure = { nodeId, seq, reason: 'reordered' };
            continue;
          }
          nodes.push(nodeId);
          anchors[nodeId] = { seq: seq - 1, hash: prevHash };
          const start = { seq: seq - 1, hash: seq === 1 ? genesisHash(nodeId) : prevHash };
          const nodeSeals = (seals.get(nodeId) ?? []).sort((a, b) => a.seq - b.seq);
          checker = new ChainChecker(nodeId, start, nodeSeals, keys);
        }
        const matches = entryHash(prevHash, JSON.stringify(fields)) === hash;
        checker!.push(seq, prevHash, hash, matches);
        failure ??= checker!.failure;
        lastHash = hash;
      } else if (value && typeof value === 'object' && 'trailer' in value) {
        finishNode();
        trailer = (value as { trailer: ArchiveTrailer }).trailer;
      } else {
        malformed();
      }
    }
  } catch {
    malformed(); // a corrupt gzip stream
  }
  finishNode();

  // Seals whose node has no entry in the archive cannot be matched to a head.
  for (const [nodeId, list] of seals) {
    if (!nodes.includes(nodeId) && list.length > 0)
      failure ??= { nodeId, seq: list[0]!.seq, reason: 'missing-entry' };
  }
  const trailerValid =
    trailer !== undefined &&
    trailer.entries === entries &&
    trailer.lastHash === lastHash &&
    trailer.seals === [...seals.values()].reduce((n, l) => n + l.length, 0);
  if (!failure && !trailerValid)
    failure = { nodeId: checker?.nodeId ?? nodes.at(-1) ?? '', seq: 0, reason: 'malformed' };
  const sum = digest.digest();
  const signatureValid =
    typeof signatureLine?.signature === 'string' && verifySignature(archiveKey, sum, signatureLine.signature);
  return {
    ok: signatureValid && !failure,
    entries,
    seals: sealsChecked,
    nodes,
    unsealed,
    anchors,
    signatureValid,
    ...(failure ? { firstBad: failure } : {}),
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function archiveKeys(
  header: ArchiveHeader | undefined,
  archiveKey: KeyObject,
  given: ReadonlyMap<string, PublicKeyInput> | undefined,
): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  if (given) {
    for (const [id, key] of given) keys.set(id, toPublicKey(key));
    return keys;
  }
  // The embedded keys are trusted only because the archive's signature covers the header.
  for (const [id, key] of Object.entries(header?.sealKeys ?? {})) {
    try {
      keys.set(id, toPublicKey(key));
    } catch {
      // an unusable key simply fails the seals that name it
    }
  }
  if (header?.keyId) keys.set(header.keyId, archiveKey);
  return keys;
}
