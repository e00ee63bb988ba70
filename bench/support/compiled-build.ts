import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** A compiled copy of src/ and the benchmark's node scripts, run by plain Node.js as production runs dist/. */
export interface CompiledBuild {
  /** The compiled JavaScript of a TypeScript file of the checkout (`bench/support/x.ts` → its `.js`). */
  script(relativeTsPath: string): string;
}

/**
 * Compiles src/ (as `npm run build` does, with tsconfig.build.json's options) together with the node scripts
 * into a directory of the system's temporary directory, beside a link to the checkout's node_modules, so
 * that a measured node runs compiled JavaScript without tsx's loader in its process (whose memory and
 * start-up are not production's). The directory is kept between runs, one per checkout: tsc's incremental
 * build then recompiles only what changed.
 */
export async function compileBuild(scripts: readonly string[]): Promise<CompiledBuild> {
  const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `cang-bench-build-${checkout}`);
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: {
        rootDir: ROOT,
        outDir: out,
        // Looked up from the checkout, not from this directory.
        typeRoots: [join(ROOT, 'node_modules/@types')],
        incremental: true,
        tsBuildInfoFile: join(dir, 'tsbuildinfo.json'),
      },
      include: [join(ROOT, 'src'), ...scripts.map((script) => join(ROOT, script))],
      exclude: [join(ROOT, 'src/**/*.test.ts'), join(ROOT, 'src/**/test-support/**')],
    }),
  );
  try {
    await promisify(execFile)(process.execPath, [TSC, '-p', tsconfig], { cwd: ROOT });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`the benchmark build failed:\n${output}`, { cause: error });
  }
  cpSync(join(ROOT, 'package.json'), join(out, 'package.json'));
  if (!existsSync(join(out, 'node_modules')))
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  return { script: (relativeTsPath) => join(out, relativeTsPath.replace(/\.ts$/, '.js')) };
}
