#!/usr/bin/env node
// The `cang` command. It first checks the running Node.js, in code every Node.js can parse, then runs
// the TypeScript sources through tsx in a development checkout (tsx installed), or the compiled build
// (`npm run build` → dist/) where the development tools are not installed, as in production.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const REQUIRED_MAJOR = 24;
const running = process.versions.node;
if (Number(running.split('.')[0]) < REQUIRED_MAJOR) {
  console.error(
    `Cảng needs Node.js ${REQUIRED_MAJOR} LTS or newer; this is Node.js ${running} (${process.execPath}).\n` +
      `Run it through npm (npm start, npx cang …): npm ci installs Node.js ${REQUIRED_MAJOR} into node_modules ` +
      `and npm puts it first on the PATH. Or install Node.js ${REQUIRED_MAJOR} LTS.`,
  );
  process.exit(1);
}

function resolvable(specifier) {
  try {
    createRequire(import.meta.url).resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

const sources = new URL('../src/main.ts', import.meta.url);
const compiled = new URL('../dist/main.js', import.meta.url);
if (existsSync(sources) && resolvable('tsx')) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  console.error(
    'Cảng is not built: run `npm run build` (it writes dist/), or install the development tools.',
  );
  process.exit(1);
}
