// `npm run build:console`: builds console/dist and prints the initial JS size; fails over budget.
import { buildConsole, reportInitialSize } from './console-build.js';

await buildConsole();
if (!reportInitialSize()) process.exitCode = 1;
