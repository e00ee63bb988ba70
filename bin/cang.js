#!/usr/bin/env node
// The `cang` command. It first checks the running Node.js, in code every Node.js can parse, then runs
// the TypeScript sources through tsx in a development checkout (tsx installed), or the compiled build
// (`npm run build` → dist/) where the development tools are not installed, as in production.
import { existsSync, readFileSync } from 'node:fs';
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

// A server's memory. By default V8 sizes the young generation from the machine's memory (64 MB of
// semi-spaces with 16 GB or more), and glibc gives every thread that allocates an arena of its own; a
// node's resident set pays for both under load, for little: a service's garbage is short-lived and small.
// So `cang start` runs with the Node.js flags and environment of server-runtime.json, as a new image of
// this process (same pid, same standard streams), except what the operator set already (a flag in the
// command line or NODE_OPTIONS, a variable in the environment).
const SERVER_RUNTIME = JSON.parse(readFileSync(new URL('./server-runtime.json', import.meta.url), 'utf8'));
const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const flags = SERVER_RUNTIME.nodeFlags.filter(
  (flag) => !chosen.some((given) => given.startsWith(flag.split('=')[0])),
);
const env = Object.entries(SERVER_RUNTIME.env).filter(([name]) => process.env[name] === undefined);
if (process.argv[2] === 'start' && flags.length + env.length > 0 && typeof process.execve === 'function') {
  process.execve(
    process.execPath,
    [process.execPath, ...flags, ...process.execArgv, ...process.argv.slice(1)],
    {
      ...process.env,
      ...Object.fromEntries(env),
    },
  );
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
