import { Option, type Command } from 'commander';
import { UNIT_KINDS, type UnitKind } from '../steering/index.js';
import { type CliDeps, withPlatform } from './cli-deps.js';
import { printRows } from './output.js';

interface UnitListOptions {
  readonly at?: string;
  readonly level?: UnitKind;
  readonly includeFormerProvinces?: boolean;
  readonly json?: boolean;
}

/** `cang units list`: the steering workspace's units of a date, as the unit history records them. */
export function registerUnitCommands(program: Command, deps: CliDeps): void {
  const units = program.command('units').description('Units of the steering workspace and their history');
  units
    .command('list')
    .description(
      "The city's units that exist on a date, e.g. cang units list --at 2026-01-01 --level commune",
    )
    .option('--at <date>', 'the date, YYYY-MM-DD (today in Hải Phòng by default)')
    .addOption(new Option('--level <level>', 'only units of this level').choices(UNIT_KINDS))
    .option(
      '--include-former-provinces',
      "also another province's units from before it merged into the city (Hải Dương before 2025-07-01)",
    )
    .option('--json', 'print JSON')
    .action((options: UnitListOptions) =>
      withPlatform(deps, async ({ steering }) => {
        const items = await steering.units.list(options.at, {
          level: options.level,
          includeFormerProvinces: options.includeFormerProvinces === true,
        });
        if (options.json) {
          printRows(items, options);
          return;
        }
        printRows(
          items.map((unit) => ({
            id: unit.id,
            name: unit.name,
            kind: unit.kind,
            validFrom: unit.validFrom,
            validTo: unit.validTo,
          })),
        );
      }),
    );
}
