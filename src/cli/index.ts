/** cli: the `cang` command, working with the parts in process. */
import { Command, CommanderError } from 'commander';
import { CangError } from '../core/index.js';
import type { CliDeps } from './cli-deps.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerDemoCommand } from './demo-command.js';
import { registerFederationCommands } from './federation-commands.js';
import { registerFederationDemoCommand } from './federation-demo-command.js';
import { registerKeysCommand } from './keys-command.js';
import { registerLogCommands } from './log-commands.js';
import { registerRegistryCommands } from './registry-commands.js';
import { registerSampleCommands } from './sample-commands.js';
import { registerStartCommand } from './start-command.js';
import { registerUnitCommands } from './unit-commands.js';

export type { CliDeps, CliPlatform, CliRunningServer } from './cli-deps.js';

/** Runs the `cang` command line; resolves with the exit code. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command('cang')
    .description('Cảng — the data port of Hải Phòng: exchange, registry, catalog and steering')
    .exitOverride()
    .showHelpAfterError();
  registerStartCommand(program, deps);
  registerFederationDemoCommand(registerDemoCommand(program, deps, setExitCode), deps, setExitCode);
  registerRegistryCommands(program, deps);
  registerLogCommands(program, deps, setExitCode);
  registerKeysCommand(program, deps);
  registerBackupCommands(program, deps, setExitCode);
  registerFederationCommands(program, deps);
  registerUnitCommands(program, deps);
  registerSampleCommands(program, deps, setExitCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CangError) {
      console.error(`Error (${error.code}): ${error.message}`);
      for (const problem of error.errors ?? []) console.error(`  - ${problem.pointer}: ${problem.detail}`);
      return 1;
    }
    throw error;
  }
}
