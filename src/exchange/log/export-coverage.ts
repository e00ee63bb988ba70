import { createPublicKey } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CangError } from '../../core/index.js';
import type { Database } from '../../store/index.js';
import { type ExportLogOptions, type ExportLogResult, exportLog } from './export-log.js';
import { readAnchor } from './log-anchor.js';
import { verifyArchive } from './verify-archive.js';

/**
 * How far a node's chain is covered by verified exports: every entry up to `seq` (after the node's anchor)
 * is in an archive that was read back and verified once written. Pruning stops there (`pruneLog`).
 */
export interface ExportCoverage {
  readonly seq: number;
  /** The last archive that moved the coverage: its file, signed digest and time. */
  readonly file: string;
  readonly sha256: string;
  readonly at: number;
}

const PREFIX = 'log-export-covered:';

/** A node's coverage, or undefined when no verified export covers any of its entries. */
export async function readExportCoverage(
  db: Kysely<Database>,
  nodeId: string,
): Promise<ExportCoverage | undefined> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', `${PREFIX}${nodeId}`)
    .executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.value) as ExportCoverage);
}

/** What a verified export wrote, and each node's coverage after it. */
export interface VerifiedExportResult extends ExportLogResult {
  readonly coverage: Readonly<Record<string, number>>;
}

/**
 * Exports the log (`exportLog`), reads the archive back and verifies it with the export key, and only then
 * records, per node, how far verified exports now cover its chain. An archive that does not verify moves
 * no coverage and fails. Coverage grows only contiguously: an archive that starts after a part no verified
 * export holds covers nothing of that node.
 */
export async function exportVerifiedLog(options: ExportLogOptions): Promise<VerifiedExportResult> {
  const result = await exportLog(options);
  const verified = await verifyArchive(options.file, createPublicKey(options.signingKey));
  if (!verified.signatureValid || !verified.ok) {
    throw new CangError('internal', `The archive ${options.file} did not verify once written`);
  }
  const at = (options.now ?? Date.now)();
  const coverage: Record<string, number> = {};
  const { db } = options.store;
  for (const [nodeId, extent] of Object.entries(result.extents)) {
    const before = Math.max(
      (await readExportCoverage(db, nodeId))?.seq ?? 0,
      (await readAnchor(db, nodeId))?.seq ?? 0,
    );
    if (extent.firstSeq > before + 1 || extent.lastSeq <= before) {
      coverage[nodeId] = before;
      continue;
    }
    const value = JSON.stringify({ seq: extent.lastSeq, file: options.file, sha256: result.sha256, at });
    await db
      .insertInto('meta')
      .values({ key: `${PREFIX}${nodeId}`, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    coverage[nodeId] = extent.lastSeq;
  }
  return { ...result, coverage };
}
