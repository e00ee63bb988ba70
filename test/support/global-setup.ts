import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts one real PostgreSQL server for the whole test run.
 * A failure here fails the run: the PostgreSQL tests never skip silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startEmbeddedPostgres({ user: 'cang', password: 'cang-test' });
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
