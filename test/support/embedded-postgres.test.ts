import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { packagedPostgresTree, reachablePostgresTree } from './postgres-binaries.js';

describe('startEmbeddedPostgres', () => {
  // A checkout in a directory only its owner may enter, as `mktemp -d` or /root: when root runs the
  // tests, PostgreSQL runs as `postgres`, which cannot reach these binaries through this path.
  const lockedDir = mkdtempSync(join(tmpdir(), 'cang-locked-checkout-'));
  const binaries = join(lockedDir, 'postgres');
  cpSync(packagedPostgresTree(), binaries, { recursive: true, verbatimSymlinks: true });
  afterAll(() => rmSync(lockedDir, { recursive: true, force: true }));

  it('starts a server that answers queries from binaries inside a directory only its owner may enter', async () => {
    expect(statSync(lockedDir).mode & 0o777).toBe(0o700);
    const server = await startEmbeddedPostgres({ user: 'cang', password: 'p@ss word', binaries });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ user: string; encoding: string }>(
          'SELECT current_user AS user, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()',
        );
        expect(rows).toEqual([{ user: 'cang', encoding: 'UTF8' }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
    const client = new pg.Client({ connectionString: server.url });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('fails with the reason when the server cannot start', async () => {
    const empty = join(lockedDir, 'empty');
    for (const part of ['bin', 'lib', 'share']) mkdirSync(join(empty, part), { recursive: true });
    onTestFinished(() => rmSync(reachablePostgresTree(empty), { recursive: true }));
    await expect(startEmbeddedPostgres({ user: 'cang', password: 'x', binaries: empty })).rejects.toThrow(
      /^The embedded PostgreSQL server did not start.*initdb ENOENT/,
    );
  });
});
