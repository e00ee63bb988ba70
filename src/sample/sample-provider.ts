import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SAMPLE_SERVICES } from './sample-services.js';

/** A running sample provider. */
export interface SampleProvider {
  readonly server: Server;
  /** `http://127.0.0.1:{port}`; a service's base URL is this and its mount. */
  readonly url: string;
  close(): Promise<void>;
}

/** Finds the record a path names, `{mount}/{collection}/{id}`, or undefined. */
function recordAt(path: string): unknown {
  for (const service of SAMPLE_SERVICES) {
    if (!path.startsWith(`${service.mount}/`)) continue;
    const [collection, id, ...rest] = path.slice(service.mount.length + 1).split('/');
    const resource = service.resources.find((candidate) => candidate.collection === collection);
    if (resource === undefined || id === undefined || rest.length > 0) return undefined;
    return resource.records[decodeURIComponent(id)];
  }
  return undefined;
}

/**
 * Starts the sample provider that answers the sample services (sample-services.ts) with their sample
 * records: `GET {mount}/{collection}/{id}`, 404 for anything else. It listens on loopback only: it serves
 * Cảng's own exchange on this machine, never anyone else.
 */
export async function startSampleProvider(port: number): Promise<SampleProvider> {
  const server = createServer((req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://sample').pathname;
    const record = req.method === 'GET' ? recordAt(path) : undefined;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (record === undefined) {
      res.writeHead(404).end(JSON.stringify({ loi: 'Không tìm thấy' }));
      return;
    }
    res.end(JSON.stringify({ ...(record as object), yeuCauBoi: req.headers['x-cang-client'] ?? null }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
