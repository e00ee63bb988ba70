import { buildConsole, consoleBuildIsStale } from '../../../console/scripts/console-build.js';

/** Global setup of the browser tests: builds the console when console/dist is missing or stale. */
export default async function setup(): Promise<void> {
  if (consoleBuildIsStale()) await buildConsole();
}
