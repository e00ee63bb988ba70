import type { Command } from 'commander';
import { loadPrivateKey } from '../core/index.js';
import {
  exportVerifiedLog,
  pruneLog,
  type VerifyResult,
  verifyArchive,
  verifyLog,
} from '../exchange/index.js';
import { collectNodePublicKeys } from '../registry/index.js';
import { type CliDeps, withPlatform } from './cli-deps.js';
import { createProgress } from './progress.js';

/** Prints a verification result; returns the exit code (0 when the chain and every seal hold). */
export function reportVerification(result: VerifyResult, what: string): number {
  if (result.ok) {
    const unsealed = Object.values(result.unsealed).reduce((a, b) => a + b, 0);
    console.log(
      `OK: ${what} verified — ${result.entries} entries, ${result.seals} seals, nodes: ${result.nodes.join(', ') || '(none)'}` +
        (unsealed > 0 ? ` (${unsealed} newest entries not yet sealed, chained only)` : ''),
    );
    return 0;
  }
  const bad = result.firstBad!;
  console.error(
    `FAILED: ${what} does not verify: node ${bad.nodeId}, first bad sequence number ${bad.seq} (${bad.reason})`,
  );
  return 1;
}

/** `cang log verify|export|verify-archive|prune`. */
export function registerLogCommands(
  program: Command,
  deps: CliDeps,
  setExitCode: (code: number) => void,
): void {
  const log = program
    .command('log')
    .description('The transaction log: verify, export, verify archives, prune');

  log
    .command('verify')
    .description('Walk the chain and check every seal; exit 1 naming the first bad sequence number')
    .option('--node <id>', 'only this node')
    .option('--require-sealed', 'treat entries after the last seal as a failure')
    .action((options: { node?: string; requireSealed?: boolean }) =>
      withPlatform(deps, async ({ store, registry }) => {
        const progress = createProgress('Verifying');
        const result = await verifyLog({
          store,
          publicKeys: await collectNodePublicKeys(registry.nodes),
          ...(options.node ? { nodeId: options.node } : {}),
          ...(options.requireSealed ? { requireSealedTail: true } : {}),
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.finish();
        setExitCode(reportVerification(result, 'the transaction log'));
      }),
    );

  log
    .command('export <file>')
    .description("Write a signed archive of the log, verifiable offline with this node's public key")
    .option('--node <id>', 'only this node')
    .option('--from <seq>', 'first sequence number', Number)
    .option('--to <seq>', 'last sequence number', Number)
    .action((file: string, options: { node?: string; from?: number; to?: number }) =>
      withPlatform(deps, async ({ store, registry, nodeKey }) => {
        const progress = createProgress('Exporting');
        const result = await exportVerifiedLog({
          store,
          file,
          signingKey: loadPrivateKey(nodeKey.privateKey),
          keyId: nodeKey.id,
          publicKeys: await collectNodePublicKeys(registry.nodes),
          ...(options.node ? { nodeId: options.node } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.finish();
        console.log(
          `Wrote ${file}: ${result.entries} entries, ${result.seals} seals, sha256 ${result.sha256}`,
        );
        for (const [node, seq] of Object.entries(result.coverage)) {
          console.log(`Node ${node}: verified exports now cover its chain up to entry ${seq}`);
        }
        console.log(`Verify it offline with: cang log verify-archive ${file} --key ${nodeKey.publicKey}`);
      }),
    );

  log
    .command('verify-archive <file>')
    .description('Verify an exported archive offline, with no database')
    .requiredOption('--key <publicKey>', "the exporting node's public key (base64url SPKI)")
    .action(async (file: string, options: { key: string }) => {
      const result = await verifyArchive(file, options.key);
      if (!result.signatureValid) {
        console.error(`FAILED: the archive's signature does not verify with the given key`);
        setExitCode(1);
        return;
      }
      setExitCode(reportVerification(result, `archive ${file}`));
    });

  log
    .command('prune')
    .description(
      'Remove entries older than the retention period (CANG_LOG_RETENTION_DAYS) that verified exports cover, keeping the chain verifiable',
    )
    .option('--days <n>', 'retention in days (overrides the configuration)', Number)
    .option('--force', 'also remove entries no verified export covers (they are then gone for good)')
    .action((options: { days?: number; force?: boolean }) =>
      withPlatform(deps, async ({ store, config }) => {
        const days = options.days ?? config.exchange.retentionDays;
        if (!days) {
          console.log('Retention is 0 (keep everything): nothing to prune.');
          return;
        }
        const result = await pruneLog({
          store,
          olderThan: Date.now() - days * 86_400_000,
          force: options.force === true,
        });
        for (const node of result.nodes) {
          console.log(
            `Node ${node.nodeId}: removed ${node.removed} entries; chain now anchored at ${node.anchorSeq}`,
          );
          if (node.awaitingExport > 0) {
            console.log(
              `  ${node.awaitingExport} entries past the retention period are kept until a verified export covers them (cang log export FILE), or prune --force`,
            );
          }
        }
      }),
    );
}
