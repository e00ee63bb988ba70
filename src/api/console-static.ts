import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CangError } from '../core/index.js';
import type { ApiApp } from './admin-api-deps.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built console from a folder, if it exists: files by path, and index.html for any other
 * GET outside /api and /health, so the console's client-side routes load. A path that would leave
 * the folder is never resolved.
 */
export function registerConsole(app: ApiApp, dir: string | undefined): void {
  if (dir === undefined || !existsSync(join(dir, 'index.html'))) return;
  const root = resolve(dir);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.url.split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      // A malformed escape names no file: answer the console, whose router shows "not found".
      path = '/';
    }
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/health/')) {
      throw new CangError('not-found', 'No route answers this method and path');
    }
    const candidate = resolve(root, `.${path}`);
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file =
      inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Hashed assets never change; index.html must be revalidated so a new build is picked up.
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return reply
      .type(type)
      .header('cache-control', cache)
      .send(await readFile(file));
  });
}
