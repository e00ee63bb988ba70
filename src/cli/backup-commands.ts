import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { verifyLog } from '../exchange/index.js';
import { collectNodePublicKeys } from '../registry/index.js';
import { copySqliteStore } from '../store/index.js';
import { type CliDeps, withPlatform } from './cli-deps.js';
import { reportVerification } from './log-commands.js';

/** What `backup.json` in a backup says about it. */
interface BackupManifest {
  readonly format: 'cang-backup/1';
  readonly createdAt: string;
  readonly instance: string;
  readonly nodeId: string;
  readonly store: 'sqlite' | 'postgres';
}

const MANIFEST = 'backup.json';
const DATABASE = 'cang.sqlite';
const KEYS = 'keys';

const KEYS_WARNING =
  'The backup holds the private keys (registry, node, subject hash, secrets): keep it as secret as the data directory.';

/** Copies a keys folder, every file readable by its owner only. */
function copyKeys(from: string, to: string): void {
  cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  chmodSync(to, 0o700);
  for (const name of readdirSync(to)) chmodSync(join(to, name), 0o600);
}

function emptyOrAbsent(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** `cang backup DIR` and `cang restore DIR`. */
export function registerBackupCommands(
  program: Command,
  deps: CliDeps,
  setExitCode: (code: number) => void,
): void {
  program
    .command('backup <dir>')
    .description('Copy the store (SQLite: a consistent copy while Cảng runs) and the keys into a new folder')
    .action((dir: string) =>
      withPlatform(deps, async ({ store, config }) => {
        if (!emptyOrAbsent(dir)) {
          console.error(`${dir} is not empty: give a new folder.`);
          setExitCode(1);
          return;
        }
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        chmodSync(dir, 0o700);
        if (store.dialect === 'sqlite') {
          await copySqliteStore(store, join(dir, DATABASE));
          console.log(`Copied the store to ${join(dir, DATABASE)}`);
        } else {
          console.log('PostgreSQL: this command copies the keys only. Copy the database with its own tools:');
          console.log(`  pg_dump --format=custom --file ${join(dir, 'cang.pgdump')} "$CANG_DATABASE_URL"`);
          console.log('  (or a base backup with WAL archiving: pgBackRest, Barman, CloudNativePG backups)');
          console.log(`Restore it with pg_restore, then run: cang restore ${dir}`);
        }
        copyKeys(join(config.dataDir, KEYS), join(dir, KEYS));
        const manifest: BackupManifest = {
          format: 'cang-backup/1',
          createdAt: new Date().toISOString(),
          instance: config.instance,
          nodeId: config.nodeId,
          store: store.dialect,
        };
        writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
        console.log(`Copied the keys to ${join(dir, KEYS)}`);
        console.warn(`Warning: ${KEYS_WARNING}`);
      }),
    );

  program
    .command('restore <dir>')
    .description(
      'Restore a backup into an empty data directory (on PostgreSQL: its keys, once the database is restored), then verify the log',
    )
    .action(async (dir: string) => {
      const { config } = deps;
      const manifestFile = join(dir, MANIFEST);
      if (!existsSync(manifestFile)) {
        console.error(`${dir} holds no Cảng backup (${MANIFEST} is missing).`);
        setExitCode(1);
        return;
      }
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
      const storeKind = config.databaseUrl === undefined ? 'sqlite' : 'postgres';
      if (manifest.store !== storeKind) {
        console.error(`The backup is of a ${manifest.store} store; this data directory uses ${storeKind}.`);
        setExitCode(1);
        return;
      }
      if (existsSync(join(config.dataDir, KEYS)) || existsSync(join(config.dataDir, DATABASE))) {
        console.error(
          `${config.dataDir} already holds a store or keys: restore into an empty data directory.`,
        );
        setExitCode(1);
        return;
      }
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      copyKeys(join(dir, KEYS), join(config.dataDir, KEYS));
      if (storeKind === 'sqlite') {
        cpSync(join(dir, DATABASE), join(config.dataDir, DATABASE), { errorOnExist: true, force: false });
        chmodSync(join(config.dataDir, DATABASE), 0o600);
      }
      console.log(
        `Restored the backup of ${manifest.instance} made ${manifest.createdAt} into ${config.dataDir}`,
      );
      console.warn(`Warning: ${KEYS_WARNING}`);
      // The check: the restored store opens, migrates and its log verifies with the restored keys.
      await withPlatform(deps, async ({ store, registry }) => {
        const result = await verifyLog({ store, publicKeys: await collectNodePublicKeys(registry.nodes) });
        setExitCode(reportVerification(result, 'the restored transaction log'));
      });
    });
}
