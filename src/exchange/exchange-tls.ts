import { readFileSync } from 'node:fs';
import type { Config } from '../core/index.js';

/** The exchange port's TLS material: its key and certificate, and optionally a CA bundle. */
export interface ExchangeTls {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
  readonly ca?: string | Buffer;
}

/** Reads the configured TLS files of the exchange port; undefined when it speaks plain HTTP. */
export function readExchangeTls(files: Config['exchange']['tls']): ExchangeTls | undefined {
  if (files === undefined) return undefined;
  return {
    key: readFileSync(files.keyFile),
    cert: readFileSync(files.certFile),
    ...(files.caFile ? { ca: readFileSync(files.caFile) } : {}),
  };
}
