// Run by `npm start` before Cảng starts: builds the console when console/dist is missing or stale.
import { buildConsole, consoleBuildIsStale, reportInitialSize } from './console-build.js';

if (consoleBuildIsStale()) {
  console.log('Building the console (console/dist is missing or older than its sources)…');
  await buildConsole();
  reportInitialSize();
}
