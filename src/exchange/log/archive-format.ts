/*
 * The signed log archive (gzip of UTF-8 NDJSON, one JSON value per line, each ending in "\n"):
 *   1. header     {"format":"cang-log-archive/1","createdAt":…,"keyId":…,"nodeId":…|null,"from":…|null,"to":…|null,"sealKeys":{keyId: base64url SPKI}}
 *   2. seals      ["s", nodeId, seq, headHash, sealedAt, keyId, signature]      (before the entries, so a
 *                 streaming verifier knows which heads to check as it walks)
 *   3. entries    ["e", …the 21 canonical values (entry-encoding.ts)…, prevHash, hash], per node in seq order
 *   4. trailer    {"trailer":{"entries":N,"seals":M,"lastHash":…,"nodes":{nodeId:{"firstSeq","lastSeq","lastHash"}}}}
 *   5. signature  {"signature":…,"keyId":…,"sha256":…}: Ed25519 over the 32-byte SHA-256 of every byte
 *                 before this line (the uncompressed text of lines 1–4); sha256 repeats that digest in base64url.
 * An archive may start mid-chain: the first entry's prevHash is the anchor the verifier states.
 */

/** The format name in the header line. */
export const ARCHIVE_FORMAT = 'cang-log-archive/1';

/** The header line. */
export interface ArchiveHeader {
  readonly format: string;
  readonly createdAt: number;
  readonly keyId: string;
  readonly nodeId: string | null;
  readonly from: number | null;
  readonly to: number | null;
  readonly sealKeys: Readonly<Record<string, string>>;
}

/** Per-node extent in the trailer. */
export interface ArchiveNodeExtent {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly lastHash: string;
}

/** The trailer line's content. */
export interface ArchiveTrailer {
  readonly entries: number;
  readonly seals: number;
  readonly lastHash: string | null;
  readonly nodes: Readonly<Record<string, ArchiveNodeExtent>>;
}
