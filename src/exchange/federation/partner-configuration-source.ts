import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { CertificateWithKey } from '../../core/index.js';
import {
  type FederationConfiguration,
  type PartnerConfigurationStatus as RegistryPartnerStatus,
  type SnapshotPartner,
  verifySignedFederationConfiguration,
} from '../../registry/index.js';
import type { ActiveConfig, SnapshotSource } from '../active-config.js';
import type { ExchangeLogger } from '../exchange-context.js';
import {
  type ActivePartnerConfiguration,
  indexPartnerConfiguration,
} from './active-partner-configuration.js';

/** What an operator sees of one partner's configuration (console, admin API). */
/** A partner's fetch status, as the registry's admin views read it, with the partner it is about. */
export interface PartnerConfigurationStatus extends RegistryPartnerStatus {
  readonly instance: string;
}

/** The partners' configurations as this node holds them. */
export interface PartnerConfigurations {
  /** The partner's verified, unexpired configuration; undefined when none (or not a partner any more). */
  current(instance: string): FederationConfiguration | undefined;
  /** The same, indexed for the call paths. */
  active(instance: string): ActivePartnerConfiguration | undefined;
  /** Undefined when the instance is not a partner in the current snapshot. */
  status(instance: string): PartnerConfigurationStatus | undefined;
}

/** Options of the partner configuration poller. */
export interface PartnerConfigurationSourceOptions {
  /** Our own instance: each configuration must be the view made for it. */
  readonly instance: string;
  /** The snapshot that names the partners, their pinned keys and URLs. */
  readonly snapshots: SnapshotSource;
  /** The node's federation TLS identity, presented to the partners' nodes. */
  readonly identity: CertificateWithKey;
  /** Where the last good copies are kept, one `{partner}.json` each (`{dataDir}/federation`). */
  readonly dir: string;
  readonly pollSeconds: number;
  /** How often the snapshot's partner set is compared with the one polled; 1 s by default. */
  readonly watchMs?: number;
  /** Connect, headers and body timeout of one fetch; 10 s by default. */
  readonly fetchTimeoutMs?: number;
  readonly logger?: ExchangeLogger;
  readonly now?: () => number;
}

/** The poller: `start` it, `stop` it; `refresh` polls at once. */
export interface PartnerConfigurationSource extends PartnerConfigurations {
  /** Takes the partners of the current snapshot, loads their copies from disk and fetches each once. */
  start(): Promise<void>;
  /** Fetches the configuration of one partner (or all) now; resolves once done. Never rejects. */
  refresh(instance?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Largest configuration accepted (it may carry OpenAPI documents). */
const MAX_CONFIGURATION_BYTES = 32 * 1024 * 1024;
const silent: ExchangeLogger = { info() {}, warn() {}, error() {} };

interface PartnerState {
  readonly partner: SnapshotPartner;
  readonly file: string;
  /** Trusts only this partner's authority, and presents our identity. */
  readonly agent: Agent;
  held: ActivePartnerConfiguration | undefined;
  etag: string | undefined;
  fetchedAt: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
  /** Why the copy on disk was refused at start, shown until a good fetch. */
  diskError: string | null;
  nextPollAt: number;
  polling: Promise<void> | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a response body, refusing one larger than `limit`. */
async function readLimited(body: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw new Error(`the configuration is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Polls each partner's federation configuration the way an exchange-only node polls its snapshot
 * (docs/exchange-protocol.md, "Federation"): over mutual TLS with the node's federation identity,
 * trusting only that partner's authority certificate; If-None-Match with the ETag held; verified against
 * the partner's pinned key (`verifySignedFederationConfiguration`); the last good copy kept on disk (0600) and
 * served until it expires; an expired, tampered-with or older copy refused, from the network and from
 * disk alike. A partner the snapshot no longer names is dropped at once: `current` checks the snapshot
 * on every call, and its copy on disk is removed at the next comparison.
 */
export function createPartnerConfigurationSource(
  options: PartnerConfigurationSourceOptions,
): PartnerConfigurationSource {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silent;
  const timeoutMs = options.fetchTimeoutMs ?? 10_000;
  const states = new Map<string, PartnerState>();
  let seen: ActiveConfig | undefined;
  let timer: NodeJS.Timeout | undefined;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });

  /** The state of a partner the current snapshot still names with the same pinned key. */
  function trusted(instance: string): PartnerState | undefined {
    const partner = options.snapshots.current()?.partners.get(instance)?.partner;
    const state = states.get(instance);
    if (partner === undefined || state === undefined) return undefined;
    return state.partner.publicKey === partner.publicKey ? state : undefined;
  }

  function active(instance: string): ActivePartnerConfiguration | undefined {
    const held = trusted(instance)?.held;
    return held !== undefined && held.configuration.expiresAt > now() ? held : undefined;
  }

  function verify(state: PartnerState, signed: unknown): ActivePartnerConfiguration {
    return indexPartnerConfiguration(
      verifySignedFederationConfiguration(signed, state.partner.publicKey, {
        partner: state.partner.instance,
        audience: options.instance,
        ...(state.held === undefined ? {} : { heldVersion: state.held.configuration.version }),
        now: now(),
      }),
    );
  }

  function loadFromDisk(state: PartnerState): void {
    let text: string;
    try {
      text = readFileSync(state.file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') state.diskError = messageOf(error);
      return;
    }
    try {
      state.held = verify(state, JSON.parse(text));
    } catch (error) {
      state.diskError = `The copy on disk is refused: ${messageOf(error)}`;
      logger.warn({ partner: state.partner.instance, err: error }, 'partner configuration on disk refused');
    }
  }

  function createState(partner: SnapshotPartner): PartnerState {
    const state: PartnerState = {
      partner,
      file: join(options.dir, `${partner.instance}.json`),
      agent: new Agent({
        connect: {
          key: options.identity.privateKey,
          cert: options.identity.certificate,
          ca: partner.certificate,
          rejectUnauthorized: true,
          // The partner's nodes are known by the authority they chain to, not by host name.
          checkServerIdentity: () => undefined,
          timeout: timeoutMs,
        },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      }),
      held: undefined,
      etag: undefined,
      fetchedAt: null,
      lastAttemptAt: null,
      lastError: null,
      diskError: null,
      nextPollAt: 0,
      polling: null,
    };
    loadFromDisk(state);
    return state;
  }

  function drop(instance: string, state: PartnerState, removeCopy: boolean): void {
    states.delete(instance);
    void state.agent.close().catch(() => undefined);
    if (removeCopy) rmSync(state.file, { force: true });
  }

  /** Brings the polled set in line with the snapshot's partners. */
  function sync(config: ActiveConfig): void {
    if (config === seen) return;
    seen = config;
    for (const [instance, state] of states) {
      const partner = config.partners.get(instance)?.partner;
      if (partner === undefined) {
        drop(instance, state, true);
        logger.info({ partner: instance }, 'partner removed: its configuration is dropped');
      } else if (
        partner.publicKey !== state.partner.publicKey ||
        partner.certificate !== state.partner.certificate ||
        partner.configurationUrls.join('\n') !== state.partner.configurationUrls.join('\n')
      ) {
        // A new anchor: what was verified against the old one is not kept.
        drop(instance, state, partner.publicKey !== state.partner.publicKey);
      }
    }
    for (const [instance, { partner }] of config.partners) {
      if (!states.has(instance)) states.set(instance, createState(partner));
    }
  }

  async function fetchFrom(state: PartnerState, url: string): Promise<void> {
    const response = await request(url, {
      dispatcher: state.agent,
      headers: state.etag === undefined ? {} : { 'if-none-match': state.etag },
    });
    if (response.statusCode === 304) {
      await response.body.dump();
      return;
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`${url} answered ${response.statusCode}`);
    }
    const text = await readLimited(response.body, MAX_CONFIGURATION_BYTES);
    let signed: unknown;
    try {
      signed = JSON.parse(text);
    } catch {
      throw new Error(`${url} answered something that is not JSON`);
    }
    const held = verify(state, signed);
    if (states.get(state.partner.instance) !== state) return; // dropped meanwhile
    state.held = held;
    const etag = response.headers.etag;
    state.etag = typeof etag === 'string' ? etag : undefined;
    const temporary = `${state.file}.tmp`;
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, state.file);
    logger.info(
      { partner: state.partner.instance, version: held.configuration.version },
      'partner configuration updated',
    );
  }

  /** Tries the partner's URLs in order until one answers with a good copy or a 304. */
  async function poll(state: PartnerState): Promise<void> {
    state.nextPollAt = now() + options.pollSeconds * 1000;
    state.lastAttemptAt = now();
    const failures: string[] = [];
    for (const url of state.partner.configurationUrls) {
      try {
        await fetchFrom(state, url);
        state.fetchedAt = now();
        state.lastError = null;
        state.diskError = null;
        return;
      } catch (error) {
        failures.push(messageOf(error));
      }
    }
    state.lastError = failures.length === 0 ? 'The partner names no configuration URL' : failures.join('; ');
    logger.warn(
      { partner: state.partner.instance, error: state.lastError },
      'partner configuration refresh failed; serving the copy held',
    );
  }

  function pollOnce(state: PartnerState): Promise<void> {
    state.polling ??= poll(state).finally(() => {
      state.polling = null;
    });
    return state.polling;
  }

  function tick(): Promise<unknown> {
    const config = options.snapshots.current();
    if (config !== undefined) sync(config);
    const due: Promise<void>[] = [];
    const at = now();
    for (const state of states.values()) if (state.nextPollAt <= at) due.push(pollOnce(state));
    return Promise.all(due);
  }

  function statusOf(instance: string): PartnerConfigurationStatus | undefined {
    const state = trusted(instance);
    if (state === undefined) return undefined;
    const configuration = state.held?.configuration;
    const errors = [
      configuration !== undefined && configuration.expiresAt <= now()
        ? 'The configuration held has expired'
        : null,
      state.lastError,
      state.diskError,
    ].filter((error) => error !== null);
    return {
      instance,
      version: configuration?.version ?? null,
      fetchedAt: state.fetchedAt,
      lastAttemptAt: state.lastAttemptAt,
      expiresAt: configuration?.expiresAt ?? null,
      lastError: errors.length === 0 ? null : errors.join('; '),
    };
  }

  return {
    current: (instance) => active(instance)?.configuration,
    active,
    status: statusOf,
    async start() {
      await tick();
      const tickFailed = (error: unknown) =>
        logger.error({ err: error }, 'partner configuration poll failed');
      timer ??= setInterval(
        () => void tick().catch(tickFailed),
        Math.min(options.watchMs ?? 1000, options.pollSeconds * 1000),
      );
      timer.unref();
    },
    async refresh(instance) {
      const config = options.snapshots.current();
      if (config !== undefined) sync(config);
      const chosen = instance === undefined ? [...states.values()] : [states.get(instance)];
      await Promise.all(
        chosen.map(async (state) => {
          if (state === undefined) return;
          // A poll already under way may have read the partner's answer before the caller's change.
          await state.polling;
          await pollOnce(state);
        }),
      );
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      const all = [...states.values()];
      await Promise.allSettled(all.map((state) => state.polling));
      await Promise.allSettled(all.map((state) => state.agent.close()));
    },
  };
}
