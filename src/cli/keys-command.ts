import type { Command } from 'commander';
import { type CliDeps, withPlatform } from './cli-deps.js';

/** `cang keys`: prints the public keys exchange nodes and archive verifiers pin. */
export function registerKeysCommand(program: Command, deps: CliDeps): void {
  program
    .command('keys')
    .description('Print the registry public key (pin it on exchange nodes) and this node public key')
    .action(() =>
      withPlatform(deps, async ({ registryKey, nodeKey, config }) => {
        console.log(`Registry key ${registryKey.id}:     ${registryKey.publicKey}`);
        console.log(`Node ${config.nodeId} key ${nodeKey.id}: ${nodeKey.publicKey}`);
      }),
    );
}
