import { readFile, rename, writeFile } from 'node:fs/promises';
import { type Dispatcher, request } from 'undici';
import { loadPublicKey } from '../core/index.js';
import {
  type NodeSigner,
  type SignedSnapshot,
  signNodeRequest,
  verifySignedSnapshot,
} from '../registry/index.js';
import { type ActiveConfig, indexSnapshot, type SnapshotSource } from './active-config.js';
import type { ExchangeLogger } from './exchange-context.js';

/** Options of an exchange-only node's snapshot poller. */
export interface PollingSnapshotOptions {
  /** The registry's signed snapshot, e.g. https://registry.example/api/v1/config/snapshot. */
  readonly url: string;
  /** Pinned registry public key (base64url SPKI). */
  readonly publicKey: string;
  /** Where the last good signed snapshot is kept. */
  readonly cacheFile: string;
  readonly pollSeconds: number;
  /** Signs each poll with the node's key: the registry hands its snapshot to registered nodes only. */
  readonly signer?: NodeSigner;
  readonly dispatcher?: Dispatcher;
  readonly logger?: ExchangeLogger;
  readonly now?: () => number;
}

/** A snapshot source that polls the registry. */
export interface PollingSnapshotSource extends SnapshotSource {
  /** Loads the cached snapshot, polls once, then keeps polling every `pollSeconds`. */
  start(): Promise<void>;
  stop(): void;
  /**
   * Polls now, or joins the poll in flight: polls run one at a time, so one that finishes after a change
   * to the registry began after it unless it was already in flight. Resolves true when a new snapshot was
   * taken, false otherwise. Never rejects.
   */
  refresh(): Promise<boolean>;
  /** Polls finished so far, whatever their outcome. */
  polls(): number;
}

const silent: ExchangeLogger = { info() {}, warn() {}, error() {} };

/**
 * Creates the poller of an exchange-only node (ARCHITECTURE.md, "Signed configuration"): `GET url` with
 * If-None-Match, verify against the pinned key, keep the last good signed snapshot on disk and start from
 * it, keep serving it while the registry is away. An older version than the one held is ignored (no
 * rollback by replay). Once the held snapshot expires `current()` is undefined and calls are answered
 * 503 `not-ready`, as is /health/ready, so a load balancer takes the node out.
 */
export function createPollingSnapshotSource(options: PollingSnapshotOptions): PollingSnapshotSource {
  const publicKey = loadPublicKey(options.publicKey);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silent;
  let active: ActiveConfig | undefined;
  let etag: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<boolean> | undefined;
  let finished = 0;

  function accept(signed: SignedSnapshot): boolean {
    const snapshot = verifySignedSnapshot(signed, publicKey, now());
    if (active !== undefined && snapshot.version < active.version) {
      logger.warn(
        { version: snapshot.version, held: active.version },
        'ignoring an older configuration snapshot',
      );
      return false;
    }
    active = indexSnapshot(snapshot);
    return true;
  }

  async function loadCache(): Promise<void> {
    try {
      accept(JSON.parse(await readFile(options.cacheFile, 'utf8')) as SignedSnapshot);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') {
        logger.warn({ err: error }, 'the cached configuration snapshot is not usable');
      }
    }
  }

  function poll(): Promise<boolean> {
    inFlight ??= fetchSnapshot().finally(() => {
      finished++;
      inFlight = undefined;
    });
    return inFlight;
  }

  async function fetchSnapshot(): Promise<boolean> {
    try {
      const response = await request(options.url, {
        headers: {
          ...(etag === undefined ? {} : { 'if-none-match': etag }),
          ...(options.signer === undefined
            ? {}
            : { authorization: signNodeRequest(options.signer, 'GET', options.url, now()) }),
        },
        ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      });
      if (response.statusCode === 304) {
        await response.body.dump();
        return false;
      }
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw new Error(`registry answered ${response.statusCode}`);
      }
      const text = await response.body.text();
      const signed = JSON.parse(text) as SignedSnapshot;
      if (!accept(signed)) return false;
      const header = response.headers.etag;
      etag = typeof header === 'string' ? header : undefined;
      const temporary = `${options.cacheFile}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, options.cacheFile);
      logger.info({ version: active?.version }, 'configuration snapshot updated');
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'configuration snapshot refresh failed; serving the one held');
      return false;
    }
  }

  return {
    current: () => (active !== undefined && active.expiresAt > now() ? active : undefined),
    async start() {
      await loadCache();
      await poll();
      timer ??= setInterval(() => void poll(), options.pollSeconds * 1000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    refresh: poll,
    polls: () => finished,
  };
}
