import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { CangError } from '../core/index.js';
import { SAMPLE_PURPOSE } from '../core/index.js';
import { removeSampleData, type SampleRemovalStep } from '../sample/index.js';
import { type CliDeps, cliActor, withPlatform } from './cli-deps.js';
import { createProgress } from './progress.js';

const STEP_LABELS: Readonly<Record<SampleRemovalStep, string>> = {
  catalog: 'catalog entries and sharing requests',
  steering: 'steering workspace',
  users: 'sample users',
  registry: 'systems, services, grants and credentials',
  'tokens-file': 'sample tokens file',
};

/** Asks on the terminal; anything but yes (có) is a no. */
async function confirmed(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await terminal.question(question)).trim().toLowerCase();
    return ['y', 'yes', 'c', 'có', 'co'].includes(answer);
  } finally {
    terminal.close();
  }
}

/**
 * `cang sample remove`: deletes the sample data of every part from the configured store and marks it
 * removed, so that no later start loads it again. It opens the store as the other local commands do; a
 * running Cảng may stay up (SQLite in WAL mode and PostgreSQL take the writes beside it), but its sample
 * provider and traffic stop only when it restarts.
 */
export function registerSampleCommands(
  program: Command,
  deps: CliDeps,
  setExitCode: (code: number) => void,
): void {
  const sample = program.command('sample').description('The sample Hải Phòng data (dữ liệu mẫu)');
  sample
    .command('remove')
    .description(
      'Delete the sample data of every part; organisations and real data stay, and it is never loaded again',
    )
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: { yes?: boolean }) => {
      if (options.yes !== true) {
        if (!process.stdin.isTTY) {
          throw new CangError(
            'validation-failed',
            'Removing the sample data cannot be undone: run it on a terminal to confirm, or pass --yes',
          );
        }
        const question =
          'Xóa toàn bộ dữ liệu mẫu? Việc này không hoàn tác được / Delete all sample data? This cannot be undone [y/N] ';
        if (!(await confirmed(question))) {
          console.error('Nothing removed.');
          setExitCode(1);
          return;
        }
      }
      const removal = await withPlatform(deps, async (platform) => {
        const progress = createProgress('Removing sample data');
        progress.update(0, 5);
        const result = await removeSampleData(
          { ...platform, dataDir: deps.config.dataDir },
          cliActor(),
          (step, done, total) => {
            progress.update(done, total);
            if (!process.stderr.isTTY) process.stderr.write(`  removed: ${STEP_LABELS[step]}\n`);
          },
        );
        progress.finish();
        return result;
      });
      const { catalog, steering, users, registry } = removal;
      const lines = [
        'Đã xóa dữ liệu mẫu / Sample data removed:',
        `  catalog:   ${catalog.entries} entries, ${catalog.requests} sharing requests, ${catalog.messages} messages`,
        `  steering:  ${steering.documents} documents, ${steering.committees} committees, ${steering.programs} programs, ${steering.tasks} tasks, ${steering.reports} reports, ${steering.indicatorValues} indicator values, ${steering.workingCalendars} working calendars, ${steering.dtiCampaigns} DTI campaigns (${steering.dtiAssignments} assignments)`,
        `  users:     ${users} sample users`,
        `  registry:  ${registry.systems} systems, ${registry.services} services, ${registry.grants} grants, ${registry.credentials} credentials`,
        `  tokens:    ${removal.tokensFile ? 'sample tokens file deleted' : 'no sample tokens file'}`,
        `Organisations and units stay. The transaction log keeps its sample calls (purpose ${SAMPLE_PURPOSE}):`,
        'a chain is never edited, and measured indicators leave them out. Later starts do not load sample data again.',
        'If Cảng is running, restart it: its sample provider and traffic stop at the next start.',
      ];
      console.log(lines.join('\n'));
    });
}
